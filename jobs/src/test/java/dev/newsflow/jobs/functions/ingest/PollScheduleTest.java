package dev.newsflow.jobs.functions.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollScheduleTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private final PollSchedule schedule = PollSchedule.defaults();

    @Test
    void aFeedPostingHourlyIsPolledEveryHalfHour() {
        // Given: items every hour, the newest just now
        List<Instant> times = every(Duration.ofHours(1), 10, NOW);

        // When / Then
        assertThat(schedule.interval(times, NOW)).isEqualTo(Duration.ofMinutes(30));
        assertThat(schedule.afterSuccess(times, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
    }

    @Test
    void aFeedPostingEveryMinuteIsPolledNoMoreOftenThanTheMinimum() {
        List<Instant> times = every(Duration.ofMinutes(1), 20, NOW);

        assertThat(schedule.interval(times, NOW)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aFeedThatWentQuietSlowsDownWithItsSilence() {
        // Given: hourly items, but the newest is 10 hours old
        List<Instant> times = every(Duration.ofHours(1), 10, NOW.minus(Duration.ofHours(10)));

        // Then: the silence, not the old rate, sets the pace
        assertThat(schedule.interval(times, NOW)).isEqualTo(Duration.ofHours(5));
    }

    @Test
    void aDeadFeedIsPolledAtMostDailyAsMaximum() {
        List<Instant> times = every(Duration.ofDays(1), 5, NOW.minus(Duration.ofDays(60)));

        assertThat(schedule.interval(times, NOW)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void withoutItemTimesTheGeometricMiddleOfTheRangeIsUsed() {
        // sqrt(5 min × 24 h) = sqrt(300 s × 86,400 s) ≈ 5,091 s
        assertThat(schedule.interval(List.of(), NOW).toSeconds()).isEqualTo(5_091);
    }

    @Test
    void failuresDoubleTheIntervalFromTheMinimumUpToTheMaximum() {
        assertThat(schedule.backoff(1)).isEqualTo(Duration.ofMinutes(5));
        assertThat(schedule.backoff(2)).isEqualTo(Duration.ofMinutes(10));
        assertThat(schedule.backoff(4)).isEqualTo(Duration.ofMinutes(40));
        assertThat(schedule.backoff(9)).isEqualTo(Duration.ofHours(21).plusMinutes(20));
        assertThat(schedule.backoff(10)).isEqualTo(Duration.ofHours(24));
        assertThat(schedule.backoff(1_000)).isEqualTo(Duration.ofHours(24));
        assertThat(schedule.afterFailure(2, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
    }

    @Test
    void retryAfterIsHonouredWhenLongerThanTheBackoffButNeverBeyondTheMaximum() {
        assertThat(schedule.afterThrottle(1, Duration.ofHours(2), NOW))
                .isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(schedule.afterThrottle(1, Duration.ofSeconds(1), NOW))
                .isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(schedule.afterThrottle(1, Duration.ofDays(7), NOW))
                .isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(schedule.afterThrottle(3, null, NOW))
                .isEqualTo(NOW.plus(Duration.ofMinutes(20)));
    }

    @Test
    void boundsAreConfigurableAndValidated() {
        PollSchedule fast = new PollSchedule(Duration.ofSeconds(1), Duration.ofSeconds(10));
        assertThat(fast.interval(every(Duration.ofHours(1), 3, NOW), NOW))
                .isEqualTo(Duration.ofSeconds(10));

        assertThatThrownBy(() -> new PollSchedule(Duration.ZERO, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PollSchedule(Duration.ofHours(2), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** {@code count} ascending times {@code step} apart, the last one at {@code newest}. */
    private static List<Instant> every(Duration step, int count, Instant newest) {
        List<Instant> times = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            times.add(newest.minus(step.multipliedBy(i)));
        }
        return times;
    }
}
