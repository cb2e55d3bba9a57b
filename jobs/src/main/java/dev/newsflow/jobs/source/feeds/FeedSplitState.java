package dev.newsflow.jobs.source.feeds;

import dev.newsflow.schemas.FeedHealth;
import dev.newsflow.schemas.PollOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The mutable state of one feed in a reader. There are two copies per feed: the fetcher thread's,
 * which decides what is new, and the task thread's, which is snapshotted. Both apply the same
 * {@link PollResult}s in the same order, so the snapshot always reflects exactly the items that
 * were emitted before the checkpoint barrier.
 */
public final class FeedSplitState {

    /** Item times kept for the adaptive interval. */
    static final int RECENT_ITEMS = 20;

    private final String splitId;
    private final String feedUrl;
    private final String source;
    private final SeenIds seen;
    private final List<Instant> recentItemTimes;
    private String etag;
    private String lastModified;
    private Instant nextPollAt;
    private int consecutiveFailures;
    private Instant lastSuccessAt;
    private String lastError;

    public FeedSplitState(FeedSplit split, int maxSeenIds) {
        this.splitId = split.splitId();
        this.feedUrl = split.feedUrl();
        this.source = split.source();
        this.seen = new SeenIds(maxSeenIds, split.seenIds());
        this.recentItemTimes = new ArrayList<>(split.recentItemTimes());
        this.etag = split.etag();
        this.lastModified = split.lastModified();
        this.nextPollAt = split.nextPollAt();
        this.consecutiveFailures = split.consecutiveFailures();
        this.lastSuccessAt = split.lastSuccessAt();
        this.lastError = split.lastError();
    }

    /** Applies the outcome of a poll: seen items, validators, failure streak, next poll time. */
    public void apply(PollResult result) {
        if (result.succeeded()) {
            if (result.outcome() != PollOutcome.NOT_MODIFIED) {
                etag = result.etag();
                lastModified = result.lastModified();
            }
            consecutiveFailures = 0;
            lastSuccessAt = result.checkedAt();
        } else {
            consecutiveFailures++;
            lastError = result.error();
        }
        seen.touchAll(result.presentIds());
        recentItemTimes.addAll(result.newItemTimes());
        recentItemTimes.sort(null);
        if (recentItemTimes.size() > RECENT_ITEMS) {
            recentItemTimes.subList(0, recentItemTimes.size() - RECENT_ITEMS).clear();
        }
        nextPollAt = result.nextPollAt();
    }

    /** The feed's health after {@code result} was applied. */
    public FeedHealth health(PollResult result) {
        return FeedHealth.newBuilder()
                .setFeedUrl(feedUrl)
                .setOutcome(result.outcome())
                .setNewItems(result.newItems().size())
                .setConsecutiveFailures(consecutiveFailures)
                .setLastError(lastError)
                .setLastSuccessAt(lastSuccessAt)
                .setNextPollAt(nextPollAt)
                .setCheckedAt(result.checkedAt())
                .build();
    }

    public FeedSplit toSplit() {
        return new FeedSplit(
                splitId,
                feedUrl,
                source,
                etag,
                lastModified,
                nextPollAt,
                consecutiveFailures,
                lastSuccessAt,
                lastError,
                seen.toList(),
                recentItemTimes);
    }

    public boolean seen(long fingerprint) {
        return seen.contains(fingerprint);
    }

    public String splitId() {
        return splitId;
    }

    public String feedUrl() {
        return feedUrl;
    }

    public String source() {
        return source;
    }

    public String etag() {
        return etag;
    }

    public String lastModified() {
        return lastModified;
    }

    public Instant nextPollAt() {
        return nextPollAt;
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    public List<Instant> recentItemTimes() {
        return List.copyOf(recentItemTimes);
    }
}
