package dev.newsflow.jobs.functions.ingest;

import dev.newsflow.jobs.functions.feeds.FeedItem;
import java.time.Duration;
import java.util.List;

/**
 * What fetching and parsing a feed produced, before de-duplication and scheduling (which the source
 * does the same way for every poller).
 */
public sealed interface FeedResponse {

    /**
     * The feed was fetched and parsed ({@link dev.newsflow.jobs.functions.feeds.FeedParser}); the
     * validators are those of this response (may be null).
     */
    record Items(List<FeedItem> items, String etag, String lastModified) implements FeedResponse {
        public Items {
            items = List.copyOf(items);
        }
    }

    /** 304: nothing changed since the validators sent. */
    record NotModified() implements FeedResponse {}

    /** 429 or 503: the server asks us to come back later ({@code retryAfter} may be null). */
    record Throttled(Duration retryAfter, String reason) implements FeedResponse {}

    /** Network error, timeout, 5xx, 4xx: worth retrying later with backoff. */
    record Failed(String reason) implements FeedResponse {}

    /** Fetched, but not a feed we can read (malformed XML, HTML page, too large, unsafe URL). */
    record Rejected(String reason) implements FeedResponse {}
}
