package dev.newsflow.jobs.functions.inference;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Runs at most {@code limit} asynchronous tasks at a time; later ones wait in order until one
 * finishes. Never blocks the caller (the Flink task thread): the Async I/O capacity already bounds
 * how many articles can wait here.
 */
public final class ConcurrencyLimit {

    private final int limit;
    private final Queue<Supplier<CompletableFuture<?>>> waiting = new ArrayDeque<>();
    private int running;

    public ConcurrencyLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, got " + limit);
        }
        this.limit = limit;
    }

    /** Starts {@code task} now if a slot is free, else when one frees up. */
    public void submit(Supplier<CompletableFuture<?>> task) {
        synchronized (this) {
            if (running >= limit) {
                waiting.add(task);
                return;
            }
            running++;
        }
        start(task);
    }

    public synchronized int running() {
        return running;
    }

    public synchronized int waiting() {
        return waiting.size();
    }

    private void start(Supplier<CompletableFuture<?>> task) {
        CompletableFuture<?> started;
        try {
            started = task.get();
        } catch (RuntimeException e) {
            started = CompletableFuture.failedFuture(e);
        }
        started.whenComplete((ignored, error) -> next());
    }

    private void next() {
        Supplier<CompletableFuture<?>> task;
        synchronized (this) {
            task = waiting.poll();
            if (task == null) {
                running--;
                return;
            }
        }
        start(task);
    }
}
