package dev.newsflow.jobs.functions.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Retry-After as delay-seconds or HTTP-date, measured from an explicit "now". */
class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-10-21T07:28:00Z");

    @Test
    void secondsAreTakenAsIs() {
        assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
    }

    @Test
    void httpDatesInAllThreeFormatsAreMeasuredFromNow() {
        // RFC 1123, the obsolete RFC 850 and asctime forms, all 30 minutes ahead
        assertThat(RetryAfter.parse("Wed, 21 Oct 2026 07:58:00 GMT", NOW))
                .contains(Duration.ofMinutes(30));
        assertThat(RetryAfter.parse("Wednesday, 21-Oct-26 07:58:00 GMT", NOW))
                .contains(Duration.ofMinutes(30));
        assertThat(RetryAfter.parse("Wed Oct 21 07:58:00 2026", NOW))
                .contains(Duration.ofMinutes(30));
    }

    @Test
    void pastDateMeansNow() {
        assertThat(RetryAfter.parse("Tue, 20 Oct 2026 07:28:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void missingOrUnreadableValuesAreEmpty() {
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
        assertThat(RetryAfter.parse("  ", NOW)).isEmpty();
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("1.5", NOW)).isEmpty();
    }

    @Test
    void absurdlyLongDelayDoesNotOverflow() {
        assertThat(RetryAfter.parse("99999999999999999999999", NOW))
                .hasValueSatisfying(d -> assertThat(d).isGreaterThan(Duration.ofDays(365)));
    }
}
