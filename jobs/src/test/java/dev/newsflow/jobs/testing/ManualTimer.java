package dev.newsflow.jobs.testing;

import dev.newsflow.jobs.functions.inference.MicroBatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A timer whose tasks run only when a test advances its time: no sleeps, no flakes. */
public final class ManualTimer implements MicroBatcher.Timer {

    private record Task(long dueMillis, Runnable task) {}

    private final List<Task> tasks = new ArrayList<>();
    private long nowMillis;

    @Override
    public synchronized void schedule(Duration delay, Runnable task) {
        tasks.add(new Task(nowMillis + delay.toMillis(), task));
    }

    /** Moves time on and runs every task that fell due, in due order. */
    public void advance(Duration duration) {
        long target;
        synchronized (this) {
            target = nowMillis + duration.toMillis();
        }
        while (true) {
            Task next;
            synchronized (this) {
                next =
                        tasks.stream()
                                .filter(t -> t.dueMillis() <= target)
                                .min((a, b) -> Long.compare(a.dueMillis(), b.dueMillis()))
                                .orElse(null);
                if (next == null) {
                    nowMillis = target;
                    return;
                }
                tasks.remove(next);
                nowMillis = next.dueMillis();
            }
            next.task().run();
        }
    }

    public synchronized int pending() {
        return tasks.size();
    }
}
