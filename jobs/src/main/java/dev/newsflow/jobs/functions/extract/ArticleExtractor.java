package dev.newsflow.jobs.functions.extract;

import dev.newsflow.jobs.functions.RejectedInputException;
import java.time.Instant;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Extracts an article's title, main text, language, author, publication time and lead image from
 * its HTML with Jsoup.
 *
 * <p>The text is the article's paragraphs, headings, lists and tables in document order, separated
 * by blank lines, without navigation, bylines, captions, share bars, related links, newsletter,
 * cookie and comment blocks (see {@link MainText}); the rest comes from what the page declares (see
 * {@link ArticleMetadata}). Input that is empty, binary, too large or has no text is rejected with
 * the reason, which becomes the dead-letter reason.
 */
public final class ArticleExtractor {

    /**
     * What extraction yields; language, author, publication time and lead image are {@code null}
     * when the page does not say.
     */
    public record Extracted(
            String title,
            String text,
            String language,
            String author,
            Instant publishedAt,
            String leadImage) {

        Extracted(String title, String text, String language, ArticleMetadata metadata) {
            this(
                    title,
                    text,
                    language,
                    metadata.author(),
                    metadata.publishedAt(),
                    metadata.leadImage());
        }
    }

    private final int maxHtmlChars;

    public ArticleExtractor(int maxHtmlChars) {
        this.maxHtmlChars = maxHtmlChars;
    }

    /**
     * Extracts the article; rejects input that is empty, binary, too large, or has no text, with
     * the reason.
     */
    public Extracted extract(String html, String fallbackTitle) throws RejectedInputException {
        return extract(html, fallbackTitle, null);
    }

    /**
     * Extracts the article of the page at {@code pageUrl} (may be {@code null}), against which the
     * lead image's URL is resolved unless the page has a {@code <base href>}.
     */
    public Extracted extract(String html, String fallbackTitle, String pageUrl)
            throws RejectedInputException {
        checkBounds(html, "html");
        Document doc = Jsoup.parse(html, pageUrl == null ? "" : pageUrl);
        // Before the text: cleaning the page removes the elements the metadata is read from.
        ArticleMetadata metadata = ArticleMetadata.of(doc);
        String title = title(doc, fallbackTitle);
        Element root = doc.selectFirst("html[lang]");
        String language = root == null ? null : root.attr("lang");
        String text = MainText.of(doc, () -> Jsoup.parse(html), title);
        if (text.isBlank()) {
            throw new RejectedInputException("no text extracted: the page has no article body");
        }
        return new Extracted(
                title == null || title.isBlank() ? firstLine(text) : title,
                text,
                blankToNull(language),
                metadata);
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
        return new Extracted(title, trimmed, null, ArticleMetadata.NONE);
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

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() <= 120 ? line : line.substring(0, 120);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
