package dev.newsflow.jobs.functions.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads a {@code Retry-After} header: delay-seconds or an HTTP-date (RFC 9110, 10.2.3). */
public final class RetryAfter {

    /** IMF-fixdate, and the obsolete RFC 850 and asctime forms that recipients must accept. */
    private static final List<DateTimeFormatter> HTTP_DATES =
            List.of(
                    DateTimeFormatter.RFC_1123_DATE_TIME,
                    new DateTimeFormatterBuilder()
                            .parseCaseInsensitive()
                            .appendPattern("EEEE, dd-MMM-")
                            .appendValueReduced(ChronoField.YEAR, 2, 2, LocalDate.of(1970, 1, 1))
                            .appendPattern(" HH:mm:ss 'GMT'")
                            .toFormatter(Locale.ENGLISH)
                            .withZone(ZoneOffset.UTC),
                    new DateTimeFormatterBuilder()
                            .parseCaseInsensitive()
                            .appendPattern("EEE MMM ppd HH:mm:ss yyyy")
                            .toFormatter(Locale.ENGLISH)
                            .withZone(ZoneOffset.UTC));

    private RetryAfter() {}

    /**
     * The wait the header asks for, measured from {@code now}; zero for a date in the past; empty
     * when the header is missing or unreadable.
     */
    public static Optional<Duration> parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.trim();
        if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
            } catch (NumberFormatException e) { // more digits than a long: absurdly far away
                return Optional.of(Duration.ofSeconds(Long.MAX_VALUE));
            }
        }
        return date(text)
                .map(date -> Duration.between(now, date))
                .map(wait -> wait.isNegative() ? Duration.ZERO : wait);
    }

    private static Optional<Instant> date(String text) {
        for (DateTimeFormatter format : HTTP_DATES) {
            try {
                return Optional.of(Instant.from(format.parse(text)));
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }
}
