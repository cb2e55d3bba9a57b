package dev.newsflow.jobs.functions.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Runs blocking requests on a bounded pool, politely per host ({@link HostSchedule}): one request
 * per host at a time, in submission order, with a pause between them, and none while a host's
 * Retry-After lasts. Waiting requests hold no thread: each host's next request is scheduled on a
 * timer for the moment the host is free.
 */
public final class PoliteExecutor implements AutoCloseable {

    private final HostSchedule hosts;
    private final Map<String, Queue<Task<?>>> queues = new HashMap<>();
    private final Set<String> scheduled = new HashSet<>();
    private final ScheduledExecutorService timer;
    private final ExecutorService workers;
    private final Clock clock;

    private record Task<T>(Callable<T> call, CompletableFuture<T> result) {}

    public PoliteExecutor(Duration hostDelay, int threads, Clock clock) {
        this.hosts = new HostSchedule(hostDelay);
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("polite-timer"));
        this.workers = Executors.newFixedThreadPool(threads, daemon("polite-worker"));
    }

    /** Runs {@code call} against {@code host} when politeness allows. */
    public <T> CompletableFuture<T> submit(String host, Callable<T> call) {
        Task<T> task = new Task<>(call, new CompletableFuture<>());
        synchronized (this) {
            queues.computeIfAbsent(host, h -> new ArrayDeque<>()).add(task);
            schedule(host);
        }
        return task.result();
    }

    /** Leaves {@code host} alone for {@code pause} (a Retry-After or a backoff). */
    public synchronized void pause(String host, Duration pause) {
        hosts.blockUntil(host, clock.instant().plus(pause));
    }

    @Override
    public void close() {
        timer.shutdownNow();
        workers.shutdownNow();
    }

    private void schedule(String host) {
        Queue<Task<?>> queue = queues.get(host);
        Instant ready = hosts.readyAt(host);
        if (queue == null || ready == null || !scheduled.add(host)) {
            return; // nothing waiting, a request in flight, or already scheduled
        }
        long delay = Math.max(0, Duration.between(clock.instant(), ready).toMillis());
        timer.schedule(() -> dispatch(host), delay, TimeUnit.MILLISECONDS);
    }

    private synchronized void dispatch(String host) {
        scheduled.remove(host);
        if (!hosts.tryAcquire(host, clock.instant())) {
            schedule(host); // paused meanwhile
            return;
        }
        Queue<Task<?>> queue = queues.get(host);
        Task<?> task = queue.poll();
        if (queue.isEmpty()) {
            queues.remove(host);
        }
        workers.execute(() -> run(host, task));
    }

    private <T> void run(String host, Task<T> task) {
        try {
            task.result().complete(task.call().call());
        } catch (Exception | Error e) {
            task.result().completeExceptionally(e);
        } finally {
            synchronized (this) {
                hosts.release(host, clock.instant());
                hosts.prune(clock.instant());
                schedule(host);
            }
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
