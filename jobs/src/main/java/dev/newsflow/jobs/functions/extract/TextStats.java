package dev.newsflow.jobs.functions.extract;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Text measures of every element of a document, computed in one pass: visible characters (not
 * counting whitespace), characters inside links, and commas. Asking {@code element.text()} of every
 * candidate instead would be quadratic on large pages.
 */
final class TextStats {

    /** Tags that start a new block of text. */
    static final Set<String> BLOCK_TAGS =
            Set.of(
                    "address",
                    "article",
                    "aside",
                    "blockquote",
                    "body",
                    "center",
                    "dd",
                    "details",
                    "dialog",
                    "div",
                    "dl",
                    "dt",
                    "fieldset",
                    "figcaption",
                    "figure",
                    "footer",
                    "form",
                    "h1",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "header",
                    "hgroup",
                    "hr",
                    "li",
                    "main",
                    "menu",
                    "nav",
                    "ol",
                    "p",
                    "pre",
                    "section",
                    "summary",
                    "table",
                    "tbody",
                    "thead",
                    "tfoot",
                    "tr",
                    "td",
                    "th",
                    "ul",
                    "caption",
                    "br");

    private static final Set<String> MEDIA = Set.of("img", "picture", "video", "amp-img");

    private record Counts(
            int chars, int linkChars, int commas, int inlineChars, int paragraphChars, int media) {}

    private static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);

    private final Map<Element, Counts> counts = new IdentityHashMap<>();

    TextStats(Element root) {
        // Iterative post-order walk: deeply nested markup must not overflow the stack.
        NodeTraversor.traverse(
                new NodeVisitor() {
                    private int linkDepth;

                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof Element e && e.nameIs("a")) {
                            linkDepth++;
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element e) {
                            counts.put(e, measure(e, linkDepth > 0));
                            if (e.nameIs("a")) {
                                linkDepth--;
                            }
                        }
                    }
                },
                root);
    }

    /** Sums the element's own text and its (already measured) children. */
    private Counts measure(Element element, boolean link) {
        int chars = 0;
        int linkChars = 0;
        int commas = 0;
        int inline = 0;
        int paragraphChars = 0;
        int media = MEDIA.contains(element.normalName()) ? 1 : 0;
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode text) {
                int[] c = count(text.getWholeText());
                chars += c[0];
                commas += c[1];
                inline += c[0];
                if (link) {
                    linkChars += c[0];
                }
            } else if (child instanceof Element e) {
                Counts sub = of(e);
                chars += sub.chars;
                linkChars += sub.linkChars;
                commas += sub.commas;
                paragraphChars += e.nameIs("p") ? sub.chars : sub.paragraphChars;
                media += sub.media;
                if (!isBlock(e)) {
                    inline += sub.inlineChars;
                }
            }
        }
        return new Counts(chars, linkChars, commas, inline, paragraphChars, media);
    }

    private static int[] count(String s) {
        int chars = 0;
        int commas = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u00A0') {
                chars++;
                if (c == ',' || c == '，' || c == '、') {
                    commas++;
                }
            }
        }
        return new int[] {chars, commas};
    }

    static boolean isBlock(Element e) {
        return BLOCK_TAGS.contains(e.normalName());
    }

    private Counts of(Element e) {
        Counts c = counts.get(e);
        return c == null ? NONE : c;
    }

    /** Visible non-whitespace characters. */
    int chars(Element e) {
        return of(e).chars;
    }

    /** Characters inside links. */
    int linkChars(Element e) {
        return of(e).linkChars;
    }

    int commas(Element e) {
        return of(e).commas;
    }

    /** Characters of text directly in the element or its inline children, not in nested blocks. */
    int inlineChars(Element e) {
        return of(e).inlineChars;
    }

    /** Characters inside {@code <p>} descendants. */
    int paragraphChars(Element e) {
        return of(e).paragraphChars;
    }

    /** Whether the element is or holds an image or video. */
    boolean hasMedia(Element e) {
        return of(e).media > 0;
    }

    /** Share of the text that is link text, 0 for an empty element. */
    double linkDensity(Element e) {
        Counts c = of(e);
        return c.chars == 0 ? 0 : (double) c.linkChars / c.chars;
    }
}
