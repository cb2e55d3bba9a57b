package dev.newsflow.jobs.functions.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Exponential backoff with bounded jitter, and Retry-After kept within bounds. */
class BackoffTest {

    /** nextDouble() == 0.5: no jitter. */
    private static final RandomGenerator MIDDLE = () -> Long.MIN_VALUE;

    /** nextDouble() == 0.0: the lowest jitter. */
    private static final RandomGenerator LOWEST = () -> 0L;

    /** nextDouble() just below 1.0: the highest jitter. */
    private static final RandomGenerator HIGHEST = () -> -1L;

    private final Backoff backoff = Backoff.defaults();

    @Test
    void delayDoublesWithEachConsecutiveFailure() {
        // Given the defaults (1 min doubling to 24 h) and no jitter
        // When the delays after 1, 2, 3 and 4 failures are computed
        // Then they double from the minimum
        assertThat(backoff.afterFailures(1, MIDDLE)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.afterFailures(2, MIDDLE)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.afterFailures(3, MIDDLE)).isEqualTo(Duration.ofMinutes(4));
        assertThat(backoff.afterFailures(4, MIDDLE)).isEqualTo(Duration.ofMinutes(8));
    }

    @Test
    void delayIsCappedEvenForAbsurdFailureCounts() {
        // When the delay after many failures is computed (2^10000 overflows a double)
        // Then it never exceeds 24 h
        assertThat(backoff.afterFailures(12, HIGHEST)).isEqualTo(Duration.ofHours(24));
        assertThat(backoff.afterFailures(10_000, MIDDLE)).isEqualTo(Duration.ofHours(24));
        assertThat(backoff.afterFailures(Integer.MAX_VALUE, LOWEST))
                .isEqualTo(Duration.ofHours(24));
    }

    @Test
    void jitterSpreadsTheDelayButNotBelowTheMinimum() {
        // Given 4 min after three failures
        // When the lowest and highest jitter are applied
        Duration low = backoff.afterFailures(3, LOWEST);
        Duration high = backoff.afterFailures(3, HIGHEST);

        // Then the delay spreads over +-20 %, and the first failure's low end is the minimum
        assertThat(low).isEqualTo(Duration.ofSeconds(192));
        assertThat(high).isBetween(Duration.ofSeconds(287), Duration.ofSeconds(288));
        assertThat(backoff.afterFailures(1, LOWEST)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.afterFailures(0, MIDDLE)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void retryAfterIsHonouredWithinBounds() {
        // When the server asks for 5 min, 10 s and 3 days
        // Then the first is kept, the others are clamped to [1 min, 24 h]
        assertThat(backoff.afterRetryAfter(Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.afterRetryAfter(Duration.ofSeconds(10)))
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.afterRetryAfter(Duration.ofDays(3))).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void nextAttemptIsNowPlusTheDelay() {
        // Given a moment and a custom backoff of 10 s doubling to 1 h without jitter
        Instant now = Instant.parse("2026-10-21T07:28:00Z");
        Backoff custom = new Backoff(Duration.ofSeconds(10), Duration.ofHours(1), 2.0, 0.0);

        // When the next attempts are computed
        // Then they are now plus the delay
        assertThat(custom.nextAttemptAfterFailures(now, 3)).isEqualTo(now.plusSeconds(40));
        assertThat(custom.nextAttemptAfterRetryAfter(now, Duration.ofSeconds(90)))
                .isEqualTo(now.plusSeconds(90));
    }

    @Test
    void invalidBoundsAreRejected() {
        assertThatThrownBy(() -> new Backoff(Duration.ofHours(2), Duration.ofHours(1), 2.0, 0.1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofHours(1), 2.0, 0.1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(1), Duration.ofHours(1), 2.0, 1.0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
