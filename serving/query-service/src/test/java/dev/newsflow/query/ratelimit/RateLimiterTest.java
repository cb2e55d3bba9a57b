package dev.newsflow.query.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.query.config.QueryServiceConfig.RateLimit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(42 * SECOND);

    @Test
    void aBurstPassesThenRequestsWaitForTheRefill() {
        // Given 3 at once, 2 per second
        RateLimiter limiter = new RateLimiter(new RateLimit(3, 2.0), now::get);

        // Then the burst passes and the next request waits half a second (rounded up to 1 s)
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isEqualTo(1);

        // When half a second passes, one more goes through
        now.addAndGet(SECOND / 2);
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isEqualTo(1);
    }

    @Test
    void clientsHaveTheirOwnBuckets() {
        RateLimiter limiter = new RateLimiter(new RateLimit(1, 1.0), now::get);

        assertThat(limiter.tryAcquire("user:alice")).isZero();
        assertThat(limiter.tryAcquire("user:alice")).isPositive();
        assertThat(limiter.tryAcquire("ip:10.0.0.1")).isZero();
    }

    @Test
    void retryAfterIsTheWholeSecondsUntilTheNextToken() {
        // One token every 10 seconds
        RateLimiter limiter = new RateLimiter(new RateLimit(1, 0.1), now::get);
        limiter.tryAcquire("a");

        assertThat(limiter.tryAcquire("a")).isEqualTo(10);
        now.addAndGet(7 * SECOND);
        assertThat(limiter.tryAcquire("a")).isEqualTo(3);
    }

    @Test
    void theBucketNeverHoldsMoreThanItsCapacity() {
        RateLimiter limiter = new RateLimiter(new RateLimit(2, 100.0), now::get);
        now.addAndGet(3600 * SECOND);

        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isPositive();
    }

    @Test
    void refilledBucketsAreForgottenWhenThereAreMany() {
        RateLimiter limiter = new RateLimiter(new RateLimit(1, 1.0), now::get);
        for (int i = 0; i <= RateLimiter.SWEEP_ABOVE; i++) {
            limiter.tryAcquire("ip:" + i);
        }
        now.addAndGet(2 * SECOND);

        limiter.tryAcquire("ip:new");

        assertThat(limiter.trackedClients()).isEqualTo(1);
    }
}
