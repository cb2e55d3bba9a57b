package dev.newsflow.jobs.functions.inference;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects items into batches: a batch is handed on when {@code maxSize} items are queued or {@code
 * maxWait} after its first item arrived, whichever comes first. Thread-safe; the batch is handed on
 * outside the lock. The timer is injected so that tests flush by time without sleeping.
 */
public final class MicroBatcher<T> {

    /**
     * Runs a task once after a delay (a scheduled executor in production, a manual one in tests).
     */
    @FunctionalInterface
    public interface Timer {
        void schedule(Duration delay, Runnable task);
    }

    private final int maxSize;
    private final Duration maxWait;
    private final Timer timer;
    private final Consumer<List<T>> onBatch;
    private List<T> queued = new ArrayList<>();

    /** Identifies the batch being filled, so that a late timer does not flush its successor. */
    private long batchNumber;

    public MicroBatcher(int maxSize, Duration maxWait, Timer timer, Consumer<List<T>> onBatch) {
        if (maxSize < 1 || maxWait.isNegative()) {
            throw new IllegalArgumentException(
                    "need maxSize >= 1 and maxWait >= 0, got " + maxSize + ", " + maxWait);
        }
        this.maxSize = maxSize;
        this.maxWait = maxWait;
        this.timer = timer;
        this.onBatch = onBatch;
    }

    /** Queues {@code item}; hands on the batch if it is now full. */
    public void add(T item) {
        List<T> full = null;
        synchronized (this) {
            queued.add(item);
            if (queued.size() >= maxSize) {
                full = take();
            } else if (queued.size() == 1) {
                long number = batchNumber;
                timer.schedule(maxWait, () -> flush(number));
            }
        }
        if (full != null) {
            onBatch.accept(full);
        }
    }

    /** Hands on whatever is queued now (used on close); nothing happens if the queue is empty. */
    public void flush() {
        List<T> batch;
        synchronized (this) {
            batch = queued.isEmpty() ? null : take();
        }
        if (batch != null) {
            onBatch.accept(batch);
        }
    }

    /** Items waiting for their batch to be handed on. */
    public synchronized int queued() {
        return queued.size();
    }

    private void flush(long number) {
        List<T> batch;
        synchronized (this) {
            batch = number == batchNumber && !queued.isEmpty() ? take() : null;
        }
        if (batch != null) {
            onBatch.accept(batch);
        }
    }

    private List<T> take() {
        List<T> batch = queued;
        queued = new ArrayList<>();
        batchNumber++;
        return batch;
    }
}
