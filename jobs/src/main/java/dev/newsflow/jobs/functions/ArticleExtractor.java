package dev.newsflow.jobs.functions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Extracts an article's title, main text and language from its HTML with Jsoup.
 *
 * <p>Boilerplate (navigation, headers and footers, asides, forms, cookie, newsletter, comment,
 * related-link and share blocks) is removed first; the main text is then taken from the element
 * most likely to hold the article ({@code [itemprop=articleBody]}, {@code article}, {@code main},
 * else the container with the most paragraph text), paragraphs in document order, separated by
 * blank lines. The ingestion issue replaces this baseline with a scored extractor.
 */
public final class ArticleExtractor {

    /** What extraction yields. */
    public record Extracted(String title, String text, String language) {}

    private static final Pattern BOILERPLATE =
            Pattern.compile(
                    "(^|[\\s_-])(nav|navbar|menu|breadcrumbs?|cookie|consent|gdpr|newsletter|subscribe"
                            + "|signup|comments?|related|recommended|share|social|promo|advert|ads?"
                            + "|sponsored|sidebar|footer|header|masthead|paywall)($|[\\s_-])",
                    Pattern.CASE_INSENSITIVE);
    private static final Set<String> BLOCK_TAGS =
            Set.of("p", "h2", "h3", "h4", "li", "blockquote", "pre");
    private static final String TEXT_BLOCKS = String.join(", ", BLOCK_TAGS);
    private static final String CONTENT_CONTAINERS = "article, main, [itemprop=articleBody]";

    private final int maxHtmlChars;

    public ArticleExtractor(int maxHtmlChars) {
        this.maxHtmlChars = maxHtmlChars;
    }

    /**
     * Extracts the article; rejects input that is empty, binary, too large, or has no text, with
     * the reason.
     */
    public Extracted extract(String html, String fallbackTitle) throws RejectedInputException {
        checkBounds(html, "html");
        Document doc = Jsoup.parse(html);
        String title = title(doc, fallbackTitle);
        Element root = doc.selectFirst("html[lang]");
        String language = root == null ? null : root.attr("lang");
        removeBoilerplate(doc);
        String text = String.join("\n\n", paragraphs(mainElement(doc)));
        if (text.isBlank()) {
            throw new RejectedInputException("no text extracted: the page has no article body");
        }
        return new Extracted(
                title == null || title.isBlank() ? firstLine(text) : title,
                text,
                blankToNull(language));
    }

    /** Accepts text that an external crawler extracted itself, under the same bounds as HTML. */
    public Extracted fromPlainText(String text, String fallbackTitle)
            throws RejectedInputException {
        checkBounds(text, "text");
        String trimmed = text.strip();
        String title =
                fallbackTitle == null || fallbackTitle.isBlank()
                        ? firstLine(trimmed)
                        : fallbackTitle.trim();
        return new Extracted(title, trimmed, null);
    }

    private void checkBounds(String content, String kind) throws RejectedInputException {
        if (content == null || content.isBlank()) {
            throw new RejectedInputException("empty " + kind + ": the page has no content");
        }
        if (content.length() > maxHtmlChars) {
            throw new RejectedInputException(
                    String.format(
                            Locale.ROOT,
                            "%s too large: %,d characters, the limit is %,d",
                            kind,
                            content.length(),
                            maxHtmlChars));
        }
        if (looksBinary(content)) {
            throw new RejectedInputException(
                    "binary content: the "
                            + kind
                            + " is not text (control characters in its first 4 KB)");
        }
    }

    static boolean looksBinary(String s) {
        int n = Math.min(s.length(), 4096);
        int control = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == '\uFFFD') {
                control++;
            }
        }
        return control > n / 100;
    }

    private static String title(Document doc, String fallback) {
        Element og = doc.selectFirst("meta[property=og:title]");
        if (og != null && !og.attr("content").isBlank()) {
            return og.attr("content").trim();
        }
        Element h1 = doc.selectFirst("article h1, main h1, h1");
        if (h1 != null && !h1.text().isBlank()) {
            return h1.text().trim();
        }
        if (fallback != null && !fallback.isBlank()) {
            return fallback.trim();
        }
        return doc.title().isBlank() ? null : doc.title().trim();
    }

    private static void removeBoilerplate(Document doc) {
        doc.select(
                        "script, style, noscript, template, svg, iframe, form, button, nav, aside, footer, header:not(article header)")
                .remove();
        doc.select("[role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true]")
                .remove();
        List<Element> marked = new ArrayList<>();
        for (Element e : doc.body().getAllElements()) {
            // Content containers are kept even when a class like "comments-enabled" matches.
            if (e != doc.body()
                    && !e.is(CONTENT_CONTAINERS)
                    && BOILERPLATE.matcher(e.className() + " " + e.id()).find()) {
                marked.add(e);
            }
        }
        marked.forEach(Element::remove);
    }

    private static Element mainElement(Document doc) {
        for (String selector :
                List.of("[itemprop=articleBody]", "article", "main", "[role=main]")) {
            Element candidate =
                    doc.select(selector).stream()
                            .max(Comparator.comparingInt(ArticleExtractor::paragraphText))
                            .orElse(null);
            if (candidate != null && paragraphText(candidate) > 0) {
                return candidate;
            }
        }
        // No semantic container: the element whose own child paragraphs hold the most text.
        return doc.body().getAllElements().stream()
                .max(Comparator.comparingInt(ArticleExtractor::directParagraphText))
                .orElse(doc.body());
    }

    private static int paragraphText(Element e) {
        return e.select("p").stream().mapToInt(p -> p.text().length()).sum();
    }

    private static int directParagraphText(Element e) {
        return e.children().stream()
                .filter(c -> c.nameIs("p"))
                .mapToInt(c -> c.text().length())
                .sum();
    }

    private static List<String> paragraphs(Element root) {
        List<String> out = new ArrayList<>();
        for (Element block : root.select(TEXT_BLOCKS)) {
            String text = block.text().trim();
            // A block nested in another (p inside li or blockquote) is already in its text.
            if (!text.isEmpty() && !hasBlockAncestor(block, root)) {
                out.add(text);
            }
        }
        if (out.isEmpty() && !root.text().isBlank()) {
            out.add(root.text().trim());
        }
        return out;
    }

    private static boolean hasBlockAncestor(Element e, Element root) {
        for (Element p = e.parent(); p != null && p != root; p = p.parent()) {
            if (BLOCK_TAGS.contains(p.normalName())) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() <= 120 ? line : line.substring(0, 120);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
