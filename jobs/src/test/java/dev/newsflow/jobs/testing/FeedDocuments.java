package dev.newsflow.jobs.testing;

import dev.newsflow.jobs.functions.feeds.FeedItem;
import dev.newsflow.jobs.functions.ingest.FeedResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Named feed fixtures: documents with numbered items and feeds that grow poll by poll. */
public final class FeedDocuments {

    public static final Instant EPOCH = Instant.parse("2026-11-20T00:00:00Z");

    private FeedDocuments() {}

    /** Item {@code n} of a feed: link {@code base/story-n}, guid {@code base#n}, hourly times. */
    public static FeedItem item(String base, int n) {
        return new FeedItem(
                "Story " + n,
                base + "/story-" + n + "?utm_source=rss",
                EPOCH.plusSeconds(3600L * n),
                base + "#" + n,
                "<p>Summary of <b>story " + n + "</b></p>");
    }

    /** A document with items {@code 1..count}, newest first, versioned by its item count. */
    public static FeedResponse.Items document(String base, int count) {
        List<FeedItem> items = new ArrayList<>();
        for (int n = count; n >= 1; n--) {
            items.add(item(base, n));
        }
        return new FeedResponse.Items(items, "\"v" + count + "\"", null);
    }

    /**
     * A feed that publishes one more item per poll up to {@code total}, answering 304 when the
     * request's ETag is current. Every item stays in the document, so none can scroll out unseen.
     */
    public static ScriptedFeeds.Script growing(String base, int total) {
        return (poll, request) -> {
            int count = Math.min(poll + 1, total);
            FeedResponse.Items document = document(base, count);
            return document.etag().equals(request.etag())
                    ? new FeedResponse.NotModified()
                    : document;
        };
    }
}
