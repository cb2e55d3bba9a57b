package dev.newsflow.jobs.functions.fetch;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Per-host politeness: at most {@code maxConcurrency} requests in flight to one host, and request
 * starts on one host at least {@code minInterval} apart and at least {@code minInterval} after the
 * last request there ended. Thread-safe; callers block in {@link #acquire} until both hold.
 *
 * <p>Slots are handed out in the order callers reserve them (after getting a concurrency permit),
 * so a busy host serves its waiters first come, first served, and other hosts are unaffected. State
 * is kept per host name seen (two numbers and a semaphore each).
 */
public final class HostPoliteness {

    private final int maxConcurrency;
    private final long minIntervalNanos;
    private final Ticker ticker;
    private final ConcurrentHashMap<String, HostState> hosts = new ConcurrentHashMap<>();

    public HostPoliteness(int maxConcurrency, Duration minInterval, Ticker ticker) {
        if (maxConcurrency < 1 || minInterval.isNegative()) {
            throw new IllegalArgumentException(
                    "need maxConcurrency >= 1 and minInterval >= 0, got "
                            + maxConcurrency
                            + " and "
                            + minInterval);
        }
        this.maxConcurrency = maxConcurrency;
        this.minIntervalNanos = minInterval.toNanos();
        this.ticker = ticker;
    }

    public HostPoliteness(FetchPolicy policy) {
        this(policy.hostMaxConcurrency(), policy.hostMinInterval(), Ticker.SYSTEM);
    }

    /** Blocks until a request to {@code host} may start; release the permit when it is done. */
    public Permit acquire(String host) throws InterruptedException {
        HostState state =
                hosts.computeIfAbsent(
                        host.toLowerCase(Locale.ROOT), h -> new HostState(maxConcurrency));
        state.permits.acquire();
        try {
            long wait = state.reserveStart(ticker.nanoTime(), minIntervalNanos);
            if (wait > 0) {
                ticker.sleepNanos(wait);
            }
        } catch (InterruptedException | RuntimeException e) {
            state.permits.release();
            throw e;
        }
        return new Permit(state);
    }

    /** Runs {@code work} under a permit for {@code host}. */
    public <T> T run(String host, Supplier<T> work) throws InterruptedException {
        try (Permit permit = acquire(host)) {
            return work.get();
        }
    }

    /** Requests to {@code host} now in flight (for metrics and tests). */
    public int inFlight(String host) {
        HostState state = hosts.get(host.toLowerCase(Locale.ROOT));
        return state == null ? 0 : maxConcurrency - state.permits.availablePermits();
    }

    /** The right to send one request to one host; release exactly once (close does too). */
    public final class Permit implements AutoCloseable {
        private final HostState state;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(HostState state) {
            this.state = state;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                state.ended(ticker.nanoTime(), minIntervalNanos);
                state.permits.release();
            }
        }

        @Override
        public void close() {
            release();
        }
    }

    private static final class HostState {
        final Semaphore permits;
        private boolean started;
        private long nextStartNanos;

        HostState(int maxConcurrency) {
            this.permits = new Semaphore(maxConcurrency, true);
        }

        /** Books the next start slot; returns how long the caller must wait for it. */
        synchronized long reserveStart(long now, long interval) {
            long start = !started || now - nextStartNanos > 0 ? now : nextStartNanos;
            started = true;
            nextStartNanos = start + interval;
            return start - now;
        }

        synchronized void ended(long now, long interval) {
            if (now + interval - nextStartNanos > 0) {
                nextStartNanos = now + interval;
            }
        }
    }
}
