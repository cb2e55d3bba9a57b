package dev.newsflow.jobs.source.feeds;

import dev.newsflow.jobs.functions.ingest.ItemKeys;

/**
 * Which reader polls a feed: all feeds of one host go to the same reader (hash of the host modulo
 * the parallelism), so that per-host politeness is a local decision of one reader and never needs
 * coordination. {@link String#hashCode} is specified by the JLS, so the owner is the same in every
 * JVM.
 */
public final class FeedAssignment {

    private FeedAssignment() {}

    public static int ownerOf(String feedUrl, int parallelism) {
        return Math.floorMod(ItemKeys.host(feedUrl).hashCode(), parallelism);
    }
}
