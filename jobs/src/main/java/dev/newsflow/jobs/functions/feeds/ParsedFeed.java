package dev.newsflow.jobs.functions.feeds;

import java.util.List;

/**
 * A feed that could be read.
 *
 * @param title the feed's title as plain text, or null
 * @param type Rome's name of the format, e.g. {@code rss_2.0} or {@code atom_1.0}
 * @param charset the character set the bytes were decoded with
 * @param items the entries in document order
 * @param repairs what had to be fixed to read it (empty for a clean feed), e.g. {@code "undeclared
 *     HTML entities replaced"}; for monitoring, never needed to use the result
 */
public record ParsedFeed(
        String title, String type, String charset, List<FeedItem> items, List<String> repairs) {

    public ParsedFeed {
        items = List.copyOf(items);
        repairs = List.copyOf(repairs);
    }
}
