package dev.newsflow.jobs.source.feeds;

import dev.newsflow.jobs.functions.ingest.DiscoveredItem;
import dev.newsflow.schemas.PollOutcome;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of one poll of one feed, decided in the fetcher thread and applied to the feed's
 * checkpointed state when it is emitted: the new items (already de-duplicated), the fingerprints
 * present in the feed, the new items' times for the adaptive interval, the validators to keep, the
 * error (if any) and when to poll next.
 */
public record PollResult(
        PollOutcome outcome,
        List<DiscoveredItem> newItems,
        List<Long> presentIds,
        List<Instant> newItemTimes,
        int skippedItems,
        String etag,
        String lastModified,
        String error,
        Instant checkedAt,
        Instant nextPollAt) {

    public PollResult {
        newItems = List.copyOf(newItems);
        presentIds = List.copyOf(presentIds);
        newItemTimes = List.copyOf(newItemTimes);
    }

    public boolean succeeded() {
        return outcome == PollOutcome.NEW_ITEMS
                || outcome == PollOutcome.NO_NEW_ITEMS
                || outcome == PollOutcome.NOT_MODIFIED;
    }
}
