package dev.newsflow.jobs.source.feeds;

import dev.newsflow.jobs.functions.ingest.PollSchedule;
import java.io.Serializable;
import java.time.Duration;

/**
 * How the feed source polls: the interval bounds, how many item fingerprints each feed remembers,
 * how many polls a reader runs at once, the minimum pause between two requests to one host, and how
 * often the enumerator checks the control topic.
 */
public record FeedSourceSettings(
        PollSchedule schedule,
        int maxSeenIds,
        int pollConcurrency,
        Duration hostDelay,
        Duration controlPollInterval)
        implements Serializable {

    public FeedSourceSettings {
        if (maxSeenIds < 2) {
            throw new IllegalArgumentException("maxSeenIds must be at least 2: " + maxSeenIds);
        }
        if (pollConcurrency < 1) {
            throw new IllegalArgumentException(
                    "pollConcurrency must be positive: " + pollConcurrency);
        }
        if (hostDelay.isNegative()
                || controlPollInterval.isNegative()
                || controlPollInterval.isZero()) {
            throw new IllegalArgumentException(
                    "hostDelay must be >= 0 and controlPollInterval > 0: "
                            + hostDelay
                            + ", "
                            + controlPollInterval);
        }
    }
}
