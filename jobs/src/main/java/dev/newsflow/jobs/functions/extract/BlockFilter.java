package dev.newsflow.jobs.functions.extract;

import dev.newsflow.jobs.functions.extract.BlockCollector.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Keeps the blocks that read as article prose: drops link lists, boilerplate lines ("Read more",
 * "Advertisement", copyright), bare dates, a repeat of the headline, and headings that no longer
 * head anything once the blocks under them were dropped.
 */
final class BlockFilter {

    private static final double MAX_LINK_DENSITY = 0.5;

    /** Prose paragraphs often link half a sentence; a paragraph that is all link is a teaser. */
    private static final double MAX_PARAGRAPH_LINK_DENSITY = 0.8;

    private BlockFilter() {}

    static List<Block> filter(List<Block> blocks, String title) {
        String normalizedTitle = normalize(title);
        List<Block> kept = new ArrayList<>();
        for (Block b : blocks) {
            double maxDensity = b.tag().equals("p") ? MAX_PARAGRAPH_LINK_DENSITY : MAX_LINK_DENSITY;
            if (b.linkDensity() > maxDensity
                    || Boilerplate.boilerplateLine(b.text())
                    || Boilerplate.dateLine(b.text())
                    || Boilerplate.labelledLinks(b.text(), b.linkDensity())
                    || Boilerplate.noWords(b.text())
                    || (!normalizedTitle.isEmpty()
                            && normalize(b.text()).equals(normalizedTitle))) {
                continue;
            }
            kept.add(b);
        }
        return dropOrphanHeadings(kept);
    }

    /**
     * A heading followed by nothing, or by a heading of the same or a higher rank, introduced
     * something now dropped ("Related stories" above a dropped link list).
     */
    private static List<Block> dropOrphanHeadings(List<Block> blocks) {
        List<Block> out = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            boolean orphan =
                    b.heading()
                            && (i + 1 == blocks.size()
                                    || blocks.get(i + 1).heading()
                                            && blocks.get(i + 1).tag().compareTo(b.tag()) <= 0);
            if (!orphan) {
                out.add(b);
            }
        }
        return out;
    }

    /** Joins blocks: a blank line between paragraphs, a newline after a {@code <br>}. */
    static String join(List<Block> blocks) {
        StringBuilder out = new StringBuilder();
        for (Block b : blocks) {
            if (out.length() > 0) {
                out.append(b.lineBreak() ? "\n" : "\n\n");
            }
            out.append(b.text());
        }
        return out.toString();
    }

    private static String normalize(String s) {
        return s == null ? "" : s.replaceAll("\\W+", " ").strip().toLowerCase(Locale.ROOT);
    }
}
