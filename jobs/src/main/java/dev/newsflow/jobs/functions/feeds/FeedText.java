package dev.newsflow.jobs.functions.feeds;

import com.rometools.rome.feed.synd.SyndContent;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * Titles as plain text. Atom says whether a title is text or (X)HTML; RSS does not, and its titles
 * often carry escaped markup or double-escaped entities, so there markup is removed only when the
 * title clearly contains some.
 */
final class FeedText {

    /**
     * Markup, as opposed to a title that talks about a tag ("the &lt;blink&gt; tag"): a closing
     * tag, a line break, an image or anchor with attributes, or an entity reference.
     */
    private static final Pattern LOOKS_LIKE_HTML =
            Pattern.compile(
                    "</[a-zA-Z][a-zA-Z0-9]*\\s*>|<br\\s*/?>|<(?:img|a)\\s[^<>]*>"
                            + "|&(?:#\\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});");

    private FeedText() {}

    static String plain(SyndContent content, String fallback) {
        if (content == null || content.getValue() == null) {
            return plain(fallback, (String) null);
        }
        return plain(content.getValue(), content.getType());
    }

    /** Plain text of a value of the given Atom/Rome type (null for RSS), or null when empty. */
    static String plain(String value, String type) {
        if (value == null) {
            return null;
        }
        String kind = type == null ? "" : type.toLowerCase(Locale.ROOT);
        boolean markup =
                kind.contains("html") || (kind.isEmpty() && LOOKS_LIKE_HTML.matcher(value).find());
        String text = markup ? Jsoup.parse(value).text() : value;
        text = text.replace('\u00A0', ' ').strip().replaceAll("\\s+", " ");
        return text.isEmpty() ? null : text;
    }
}
