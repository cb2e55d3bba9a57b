package dev.newsflow.jobs.config;

import java.time.Duration;
import java.util.Map;

/** Reads typed values from environment variables for the jobs' configuration records. */
final class EnvValues {

    private EnvValues() {}

    /** The variable as a number, or {@code fallback} when unset or blank. */
    static long number(Map<String, String> env, String key, long fallback) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got '" + value + "'", e);
        }
    }

    /** The variable as milliseconds, or {@code fallback} when unset or blank. */
    static Duration millis(Map<String, String> env, String key, Duration fallback) {
        return Duration.ofMillis(number(env, key, fallback.toMillis()));
    }
}
