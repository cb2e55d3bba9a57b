package dev.newsflow.jobs.source.feeds;

import dev.newsflow.jobs.functions.ingest.FeedSeed;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * One feed as a split, with everything a restart needs to neither re-emit nor lose items: the
 * validators of the last fetch, the fingerprints of the items seen (oldest first), when to poll
 * next, the failure streak and last error, and the times of the recent items (ascending) that the
 * adaptive interval is computed from.
 *
 * <p>The split id is the feed URL plus a generation number, so a feed removed and added again is a
 * new split that cannot be confused with the old one while the old one is being finished.
 */
public record FeedSplit(
        String splitId,
        String feedUrl,
        String source,
        String etag,
        String lastModified,
        Instant nextPollAt,
        int consecutiveFailures,
        Instant lastSuccessAt,
        String lastError,
        List<Long> seenIds,
        List<Instant> recentItemTimes)
        implements SourceSplit {

    public FeedSplit {
        seenIds = List.copyOf(seenIds);
        recentItemTimes = List.copyOf(recentItemTimes);
    }

    /** A feed never polled: due at once. */
    public static FeedSplit fresh(FeedSeed seed, long generation) {
        return new FeedSplit(
                seed.feedUrl() + "#" + generation,
                seed.feedUrl(),
                seed.source(),
                null,
                null,
                Instant.EPOCH,
                0,
                null,
                null,
                List.of(),
                List.of());
    }

    @Override
    public String toString() {
        return "FeedSplit[" + splitId + ", seen=" + seenIds.size() + ", next=" + nextPollAt + "]";
    }
}
