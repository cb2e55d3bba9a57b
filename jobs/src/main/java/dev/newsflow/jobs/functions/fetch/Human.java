package dev.newsflow.jobs.functions.fetch;

import java.time.Duration;
import java.util.Locale;

/** Formatting of durations and sizes for human-readable failure reasons. */
final class Human {

    private Human() {}

    /** {@code "300 ms"}, {@code "20 s"}, {@code "2 min"}. */
    static String duration(Duration d) {
        long millis = d.toMillis();
        if (millis % 60_000 == 0 && millis >= 60_000) {
            return millis / 60_000 + " min";
        }
        if (millis % 1000 == 0 && millis >= 1000) {
            return millis / 1000 + " s";
        }
        return millis + " ms";
    }

    /** {@code 10485760} as {@code "10,485,760"}, independent of the default locale. */
    static String bytes(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
