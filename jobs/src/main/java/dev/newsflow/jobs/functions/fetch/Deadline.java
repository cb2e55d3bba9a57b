package dev.newsflow.jobs.functions.fetch;

import java.time.Duration;

/** The end of a fetch's total time budget, checked between hops and between body reads. */
final class Deadline {

    private final long endNanos;
    private final Duration budget;

    private Deadline(long endNanos, Duration budget) {
        this.endNanos = endNanos;
        this.budget = budget;
    }

    static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos(), budget);
    }

    void check() throws FetchAbort {
        if (System.nanoTime() - endNanos > 0) {
            throw new FetchAbort(
                    FetchResult.Failed.transientFailure(
                            "fetch exceeded its total timeout of " + Human.duration(budget)));
        }
    }
}
