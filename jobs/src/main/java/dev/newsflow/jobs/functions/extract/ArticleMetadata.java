package dev.newsflow.jobs.functions.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page declares about its article besides the text: author, publication time and lead image,
 * each {@code null} when the page does not say. Declared metadata (meta tags, JSON-LD) is preferred
 * over what the visible page shows, which is only a fallback.
 *
 * @param author the byline without "By", several authors joined by ", "
 * @param publishedAt when the article was first published (see {@link PublishedTime})
 * @param leadImage absolute http(s) URL of the lead image (see {@link LeadImage})
 */
public record ArticleMetadata(String author, Instant publishedAt, String leadImage) {

    /** Nothing declared: for text that came without a page. */
    public static final ArticleMetadata NONE = new ArticleMetadata(null, null, null);

    /** Longer "names" are author bios or whole header blocks, not bylines. */
    private static final int MAX_AUTHOR_CHARS = 100;

    private static final Pattern BY = Pattern.compile("^(?iu)by\\b[:\\s]*");
    private static final Pattern SEPARATOR = Pattern.compile("\\s*[|•·]\\s*");

    /** "humans.txt", "example.com": CMS defaults, not people. */
    private static final Pattern FILE_OR_HOST = Pattern.compile("[^\\s]+\\.[a-z]{2,4}");

    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final String[] BYLINE_SELECTORS = {
        "[rel=author]", "[itemprop=author]", ".byline", "[class*=author]"
    };

    /**
     * Reads the metadata of a page parsed with its URL as base URI; call it before the page is
     * cleaned, which removes the elements it reads.
     */
    public static ArticleMetadata of(Document doc) {
        List<JsonNode> jsonLd = JsonLdArticle.objects(doc);
        return new ArticleMetadata(
                author(doc, jsonLd), PublishedTime.of(doc, jsonLd), LeadImage.of(doc, jsonLd));
    }

    static String author(Document doc, List<JsonNode> jsonLd) {
        for (String meta : List.of("meta[name=author]", "meta[property=article:author]")) {
            for (Element e : doc.select(meta)) {
                String name = cleanName(e.attr("content"));
                if (name != null) {
                    return name;
                }
            }
        }
        for (JsonNode node : jsonLd) {
            String name = jsonLdAuthor(node.get("author"));
            if (name != null) {
                return name;
            }
        }
        for (String selector : BYLINE_SELECTORS) {
            for (Element e : doc.select(selector)) {
                // Comment authors and form labels ("Name (required)") are not the byline.
                if (e.closest("form, [class*=comment], [id*=comment]") != null) {
                    continue;
                }
                String name = cleanName(bylineText(e));
                if (name != null) {
                    return name;
                }
            }
        }
        return null;
    }

    /** {@code author} as an object with a name, an array of them, or a plain string. */
    private static String jsonLdAuthor(JsonNode author) {
        if (author == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (JsonNode one : author.isArray() ? author : List.of(author)) {
            JsonNode name = one.isObject() ? one.get("name") : one;
            String cleaned = name != null && name.isTextual() ? cleanName(name.asText()) : null;
            if (cleaned != null && !names.contains(cleaned)) {
                names.add(cleaned);
            }
        }
        return names.isEmpty() ? null : cleanName(String.join(", ", names));
    }

    private static String bylineText(Element e) {
        Element name = e.selectFirst("[itemprop=name]");
        Element source = name != null ? name : e;
        if (source.hasAttr("content")) {
            return source.attr("content");
        }
        return source.text();
    }

    /**
     * The name without "By" and without what follows a separator (a date, a section); {@code null}
     * for URLs (article:author often holds a profile page), bios and text without letters.
     */
    static String cleanName(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.replace('\u00a0', ' ').strip();
        s = SEPARATOR.split(s, 2)[0];
        s = BY.matcher(s).replaceFirst("").replaceAll("\\s+", " ").strip();
        if (s.isEmpty()
                || s.length() > MAX_AUTHOR_CHARS
                || s.contains("://")
                || s.startsWith("www.")
                || FILE_OR_HOST.matcher(s).matches()
                || !LETTER.matcher(s).find()) {
            return null;
        }
        return s;
    }
}
