package dev.newsflow.jobs.functions.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Turns the article's elements into text blocks in document order: each block element (paragraph,
 * heading, list item, table row, line after a {@code <br>}) is one block. Subtrees that are page
 * furniture inside the article (share bars, related links, bylines, captions, ads) are skipped
 * unless they hold most of the article; blocks made of links or of boilerplate lines are dropped.
 */
final class BlockCollector {

    /** One block of text and what it came from. */
    record Block(String text, String tag, int chars, int linkChars, boolean lineBreak) {

        boolean heading() {
            return tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1));
        }

        double linkDensity() {
            return chars == 0 ? 0 : (double) linkChars / chars;
        }
    }

    private static final double MAX_SUBTREE_SHARE = 0.5;
    private static final double MIN_BODY_PART_SHARE = 0.2;
    private static final int MAX_CAPTION_CHARS = 250;

    private final TextStats stats;
    private final boolean trustNames;

    /**
     * @param trustNames whether class and id names (comments, share, byline...) mark subtrees to
     *     skip; off for pages where trusting them left no text
     */
    BlockCollector(TextStats stats, boolean trustNames) {
        this.stats = stats;
        this.trustNames = trustNames;
    }

    /** The blocks under the given roots, furniture skipped, in document order. */
    List<Block> collect(List<Element> roots) {
        List<Block> blocks = new ArrayList<>();
        int total = roots.stream().mapToInt(stats::chars).sum();
        for (Element root : roots) {
            Walker walker = new Walker(root, total, blocks);
            NodeTraversor.filter(walker, root);
            walker.flush(); // A root that is not a block element leaves its text pending.
        }
        return blocks;
    }

    private boolean skip(Element e, int total) {
        if (e.nameIs("h1") || e.nameIs("figure") && stats.paragraphChars(e) == 0) {
            return true;
        }
        int chars = stats.chars(e);
        boolean minor = chars < MAX_SUBTREE_SHARE * total;
        if (!minor) {
            return false;
        }
        if (e.is(Boilerplate.FURNITURE) || e.nameIs("form")) {
            return true;
        }
        // A negative word on a small block wins ("article-meta"); a body-like name holding a fair
        // share of the article keeps it ("story-body share-enabled", one of several parts).
        if (trustNames
                && ElementNames.negative(e)
                && !(ElementNames.positive(e) && chars >= MIN_BODY_PART_SHARE * total)) {
            return true;
        }
        if (figureLike(e, chars)) {
            return true;
        }
        // Lists and boxes of links: related stories, tags, share buttons.
        return TextStats.isBlock(e) && !e.nameIs("p") && chars > 0 && stats.linkDensity(e) > 0.5;
    }

    /** A box with a picture and a short text that is not a paragraph: a caption. */
    private boolean figureLike(Element e, int chars) {
        if (e.nameIs("p") || chars == 0 || chars > MAX_CAPTION_CHARS) {
            return false;
        }
        return stats.hasMedia(e) && stats.paragraphChars(e) < chars / 2;
    }

    private final class Walker implements NodeFilter {
        private final Element root;
        private final int total;
        private final List<Block> blocks;
        private final Deque<String> blockTags = new ArrayDeque<>();
        private final StringBuilder text = new StringBuilder();
        private int chars;
        private int linkChars;
        private int linkDepth;
        private boolean lineBreak;

        Walker(Element root, int total, List<Block> blocks) {
            this.root = root;
            this.total = total;
            this.blocks = blocks;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
                append(t);
            } else if (node instanceof Element e) {
                if (e != root && skip(e, total)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (e.nameIs("br")) {
                    if (lineBreak && text.toString().isBlank()) {
                        lineBreak = false; // Two line breaks in a row separate paragraphs.
                    } else {
                        flush();
                        lineBreak = true;
                    }
                } else if (cell(e)) {
                    // A table row is one block, its cells separated by spaces.
                    separate();
                } else if (TextStats.isBlock(e)) {
                    flush();
                    blockTags.push(e.normalName());
                }
                if (e.nameIs("a")) {
                    linkDepth++;
                }
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element e) {
                if (e.nameIs("a")) {
                    linkDepth--;
                }
                if (TextStats.isBlock(e) && !e.nameIs("br") && !cell(e)) {
                    flush();
                    blockTags.pop();
                    if (e == root) {
                        lineBreak = false;
                    }
                }
            }
            return FilterResult.CONTINUE;
        }

        private boolean cell(Element e) {
            return e.nameIs("td") || e.nameIs("th");
        }

        private void separate() {
            if (text.length() > 0 && text.charAt(text.length() - 1) != ' ') {
                text.append(' ');
            }
        }

        private void append(TextNode node) {
            String s = node.getWholeText();
            boolean pre = "pre".equals(blockTags.peek());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                boolean space = Character.isWhitespace(c) || c == '\u00A0';
                if (space && !(pre && c == '\n')) {
                    separate();
                } else {
                    text.append(c);
                    if (c != '\n') {
                        chars++;
                        if (linkDepth > 0) {
                            linkChars++;
                        }
                    }
                }
            }
        }

        private void flush() {
            String s = text.toString().strip();
            if (!s.isEmpty()) {
                String tag = blockTags.isEmpty() ? "" : blockTags.peek();
                blocks.add(new Block(s, tag, chars, linkChars, lineBreak));
                lineBreak = false;
            }
            text.setLength(0);
            chars = 0;
            linkChars = 0;
        }
    }
}
