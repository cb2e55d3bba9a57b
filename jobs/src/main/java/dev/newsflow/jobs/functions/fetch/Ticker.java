package dev.newsflow.jobs.functions.fetch;

import java.util.concurrent.TimeUnit;

/** Monotonic time and sleeping, injectable so that politeness can be tested without waiting. */
public interface Ticker {

    Ticker SYSTEM =
            new Ticker() {
                @Override
                public long nanoTime() {
                    return System.nanoTime();
                }

                @Override
                public void sleepNanos(long nanos) throws InterruptedException {
                    TimeUnit.NANOSECONDS.sleep(nanos);
                }
            };

    long nanoTime();

    void sleepNanos(long nanos) throws InterruptedException;
}
