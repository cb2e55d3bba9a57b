package dev.newsflow.jobs.functions.fetch;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * When to try a source again: after {@code n} consecutive failures, {@code min * multiplier^(n-1)}
 * with ±{@code jitter} spread (so sources that failed together do not retry together); after a
 * {@code Retry-After}, what the server asked for. Both are kept within {@code [min, max]}.
 *
 * @param jitter fraction in [0, 1): 0.2 spreads a delay over ±20 %
 */
public record Backoff(Duration min, Duration max, double multiplier, double jitter)
        implements Serializable {

    public Backoff {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("need 0 < min <= max, got " + min + ", " + max);
        }
        if (multiplier < 1.0 || jitter < 0.0 || jitter >= 1.0) {
            throw new IllegalArgumentException(
                    "need multiplier >= 1 and 0 <= jitter < 1, got " + multiplier + ", " + jitter);
        }
    }

    /** 1 minute doubling up to 24 hours, ±20 %. */
    public static Backoff defaults() {
        return new Backoff(Duration.ofMinutes(1), Duration.ofHours(24), 2.0, 0.2);
    }

    /**
     * The delay after {@code consecutiveFailures} failures in a row (values below 1 count as 1).
     */
    public Duration afterFailures(int consecutiveFailures, RandomGenerator random) {
        int exponent = Math.max(consecutiveFailures, 1) - 1;
        double base = min.toMillis() * Math.pow(multiplier, exponent); // may be Infinity: clamped
        double spread = 1.0 + jitter * (2.0 * random.nextDouble() - 1.0);
        double millis = Math.min(base * spread, (double) max.toMillis());
        return clamp(Duration.ofMillis((long) millis));
    }

    public Duration afterFailures(int consecutiveFailures) {
        return afterFailures(consecutiveFailures, ThreadLocalRandom.current());
    }

    /** The server's {@code Retry-After}, kept within bounds. */
    public Duration afterRetryAfter(Duration retryAfter) {
        return clamp(retryAfter);
    }

    public Instant nextAttemptAfterFailures(Instant now, int consecutiveFailures) {
        return now.plus(afterFailures(consecutiveFailures));
    }

    public Instant nextAttemptAfterRetryAfter(Instant now, Duration retryAfter) {
        return now.plus(afterRetryAfter(retryAfter));
    }

    private Duration clamp(Duration d) {
        return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
    }
}
