package dev.newsflow.jobs.functions.ingest;

import dev.newsflow.schemas.FeedHealth;

/**
 * What the feed source emits: either a new item or the health of a feed after a poll (exactly one
 * of the two is set). One stream keeps items and health in the order they were decided, in the same
 * checkpoint as the feed state that produced them.
 */
public record FeedEvent(DiscoveredItem item, FeedHealth health) {

    public static FeedEvent of(DiscoveredItem item) {
        return new FeedEvent(item, null);
    }

    public static FeedEvent of(FeedHealth health) {
        return new FeedEvent(null, health);
    }

    public boolean isItem() {
        return item != null;
    }
}
