package dev.newsflow.query.ratelimit;

import dev.newsflow.query.config.QueryServiceConfig.RateLimit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per client (an API key's user, or an IP address without a key). Buckets that
 * have refilled are forgotten once there are many, so memory stays bounded by the active clients.
 */
public final class RateLimiter {

    /** Above this many buckets, full ones are swept away. */
    static final int SWEEP_ABOVE = 10_000;

    private final RateLimit limit;
    private final LongSupplier nanoClock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(RateLimit limit) {
        this(limit, System::nanoTime);
    }

    RateLimiter(RateLimit limit, LongSupplier nanoClock) {
        this.limit = limit;
        this.nanoClock = nanoClock;
    }

    /**
     * Takes a token from {@code client}'s bucket.
     *
     * @return 0 when the request may go ahead, else the whole seconds to wait (at least 1)
     */
    public long tryAcquire(String client) {
        long now = nanoClock.getAsLong();
        if (buckets.size() > SWEEP_ABOVE) {
            sweep(now);
        }
        TokenBucket bucket =
                buckets.computeIfAbsent(
                        client, c -> new TokenBucket(limit.burst(), limit.perSecond(), now));
        long waitNanos;
        synchronized (bucket) {
            waitNanos = bucket.tryTake(now);
        }
        return waitNanos == 0 ? 0 : Math.max(1, (long) Math.ceil(waitNanos / 1e9));
    }

    int trackedClients() {
        return buckets.size();
    }

    private void sweep(long now) {
        buckets.entrySet()
                .removeIf(
                        e -> {
                            synchronized (e.getValue()) {
                                return e.getValue().isFull(now);
                            }
                        });
    }
}
