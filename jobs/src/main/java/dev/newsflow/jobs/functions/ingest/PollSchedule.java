package dev.newsflow.jobs.functions.ingest;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When to poll a feed next: often for feeds that post often, rarely for quiet ones, always within
 * {@code [min, max]}. After a failure the interval doubles from {@code min} per consecutive failure
 * (capped at {@code max}); a server's Retry-After is honoured but never beyond {@code max}.
 *
 * <p>The adaptive interval is half the expected gap between items (poll about twice per item). The
 * expected gap is the mean gap of the recent items, or the silence since the newest item when that
 * is longer, so a feed that has gone quiet slows down by itself. Without any item times there is no
 * information: the geometric middle of the range is used (about 1.4 h for 5 min – 24 h).
 */
public record PollSchedule(Duration min, Duration max) implements Serializable {

    public PollSchedule {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException(
                    "poll interval bounds must satisfy 0 < min <= max, got " + min + ", " + max);
        }
    }

    public static PollSchedule defaults() {
        return new PollSchedule(Duration.ofMinutes(5), Duration.ofHours(24));
    }

    /** Next poll after a successful poll, from the (ascending) times of the recent items. */
    public Instant afterSuccess(List<Instant> recentItemTimes, Instant now) {
        return now.plus(interval(recentItemTimes, now));
    }

    /** Next poll after the {@code consecutiveFailures}-th failure in a row (counting this one). */
    public Instant afterFailure(int consecutiveFailures, Instant now) {
        return now.plus(backoff(consecutiveFailures));
    }

    /** Next poll after a 429/503: the later of the backoff and the server's Retry-After. */
    public Instant afterThrottle(int consecutiveFailures, Duration retryAfter, Instant now) {
        Duration wait = backoff(consecutiveFailures);
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = clamp(retryAfter);
        }
        return now.plus(wait);
    }

    /** The adaptive interval for a feed whose recent items appeared at {@code times}. */
    public Duration interval(List<Instant> times, Instant now) {
        if (times.isEmpty()) {
            return clamp(
                    Duration.ofMillis((long) Math.sqrt((double) min.toMillis() * max.toMillis())));
        }
        Instant newest = times.get(times.size() - 1);
        long silence = Math.max(0, now.toEpochMilli() - newest.toEpochMilli());
        long gap = silence;
        if (times.size() > 1) {
            long span = newest.toEpochMilli() - times.get(0).toEpochMilli();
            gap = Math.max(span / (times.size() - 1), silence);
        }
        return clamp(Duration.ofMillis(gap / 2));
    }

    /** {@code min × 2^(failures-1)}, capped at {@code max}. */
    public Duration backoff(int consecutiveFailures) {
        int doublings = Math.max(0, Math.min(consecutiveFailures - 1, 40));
        long millis = min.toMillis();
        for (int i = 0; i < doublings && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return clamp(Duration.ofMillis(millis));
    }

    private Duration clamp(Duration d) {
        if (d.compareTo(min) < 0) {
            return min;
        }
        return d.compareTo(max) > 0 ? max : d;
    }
}
