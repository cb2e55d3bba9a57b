package dev.newsflow.jobs.functions.fetch;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A ticker whose time moves only when someone sleeps or the test advances it; records sleeps. */
final class FakeTicker implements Ticker {

    private final AtomicLong now = new AtomicLong();
    private final List<Long> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public long nanoTime() {
        return now.get();
    }

    @Override
    public void sleepNanos(long nanos) {
        sleeps.add(nanos);
        now.addAndGet(nanos);
    }

    void advanceMillis(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    long nowMillis() {
        return TimeUnit.NANOSECONDS.toMillis(now.get());
    }

    List<Long> sleepsMillis() {
        return sleeps.stream().map(TimeUnit.NANOSECONDS::toMillis).toList();
    }
}
