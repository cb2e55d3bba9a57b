package dev.newsflow.jobs.functions.ingest;

import java.time.Instant;

/**
 * A new item found in a feed, on its way to the page fetch: the feed it came from, its canonical
 * link, what the feed said about it, and the source it is attributed to. A Flink POJO (records are
 * serialized field by field, without Kryo); {@code title}, {@code summary} and {@code publishedAt}
 * may be null.
 */
public record DiscoveredItem(
        String feedUrl,
        String link,
        String title,
        String summary,
        Instant publishedAt,
        String source,
        Instant discoveredAt) {

    /** The host of the item's page, which page fetches are partitioned and rate-limited by. */
    public String host() {
        return ItemKeys.host(link);
    }
}
