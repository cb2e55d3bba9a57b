package dev.newsflow.jobs.functions.ingest;

import java.io.Serializable;
import java.time.Duration;

/**
 * How article pages are fetched per subtask: concurrent requests, the pause between two requests to
 * one host, and how many attempts a page gets before its crawl event falls back to the feed's text.
 */
public record PageFetchSettings(int concurrency, Duration hostDelay, int maxAttempts)
        implements Serializable {

    public PageFetchSettings {
        if (concurrency < 1 || maxAttempts < 1 || hostDelay.isNegative()) {
            throw new IllegalArgumentException(
                    "page fetch settings out of range: concurrency="
                            + concurrency
                            + ", hostDelay="
                            + hostDelay
                            + ", maxAttempts="
                            + maxAttempts);
        }
    }
}
