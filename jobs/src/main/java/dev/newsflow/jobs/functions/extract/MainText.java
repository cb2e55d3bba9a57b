package dev.newsflow.jobs.functions.extract;

import java.util.List;
import java.util.function.Supplier;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The article's text, paragraphs in document order separated by blank lines. The page is cleaned,
 * the elements holding the article are found, and their prose blocks kept. If blocks named like
 * comments or sidebars turn out to wrap the whole page (little text survives their removal), the
 * page is read again without trusting such names. A JSON-LD {@code articleBody} that the page also
 * shows replaces an extraction that missed most of it.
 */
final class MainText {

    /** Shorter results are retried without removing blocks by their names. */
    private static final int RETRY_BELOW_CHARS = 200;

    private static final int MIN_DECLARED_CHARS = 200;

    /** A declared body counts only if the page shows this much of it. */
    private static final double MIN_SHOWN = 0.8;

    /** An extraction that covers this much of the declared body is kept. */
    private static final double MIN_AGREEMENT = 0.5;

    private MainText() {}

    /**
     * Extracts the text; {@code doc} is modified. Empty if the page holds no prose.
     *
     * @param reparse a fresh copy of the page, needed only for a second look (rarely)
     */
    static String of(Document doc, Supplier<Document> reparse, String title) {
        String declared = JsonLdArticle.articleBody(doc);
        String shown = declared.length() < MIN_DECLARED_CHARS ? "" : doc.body().text();
        String text = extract(doc, title, true);
        if (text.length() < RETRY_BELOW_CHARS) {
            String lenient = extract(reparse.get(), title, false);
            // Only a much longer text means names hid the article; a few more characters are
            // the byline and captions that names rightly dropped from a short article.
            if (lenient.length() > 2 * text.length() + RETRY_BELOW_CHARS / 2) {
                text = lenient;
            }
        }
        if (!shown.isEmpty()
                && JsonLdArticle.coverage(declared, shown) >= MIN_SHOWN
                && JsonLdArticle.coverage(declared, text) < MIN_AGREEMENT) {
            text = declared;
        }
        return text;
    }

    /** One attempt; {@code trustNames} says whether class/id names may remove blocks. */
    private static String extract(Document doc, String title, boolean trustNames) {
        PageCleaner.clean(doc, trustNames);
        TextStats stats = new TextStats(doc.body());
        List<Element> roots = new ContentFinder(stats).find(doc.body());
        List<BlockCollector.Block> blocks = new BlockCollector(stats, trustNames).collect(roots);
        return BlockFilter.join(BlockFilter.filter(blocks, title));
    }
}
