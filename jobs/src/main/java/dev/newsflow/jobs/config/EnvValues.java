package dev.newsflow.jobs.config;

import java.time.Duration;
import java.util.LinkedHashMap;
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

    /** The variable as a decimal number, or {@code fallback} when unset or blank. */
    static double decimal(Map<String, String> env, String key, double fallback) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    key + " must be a decimal number, got '" + value + "'", e);
        }
    }

    /** The variable as milliseconds, or {@code fallback} when unset or blank. */
    static Duration millis(Map<String, String> env, String key, Duration fallback) {
        return Duration.ofMillis(number(env, key, fallback.toMillis()));
    }

    /**
     * The variable as {@code name=number} pairs separated by commas ({@code
     * "apnews.com=0.9,reuters.com=0.9"}), in the order written; empty when unset or blank.
     */
    static Map<String, Double> decimals(Map<String, String> env, String key) {
        Map<String, Double> out = new LinkedHashMap<>();
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            return out;
        }
        for (String pair : value.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? "" : pair.substring(0, eq).trim();
            if (name.isEmpty()) {
                throw new IllegalArgumentException(
                        key + " must be name=number pairs separated by commas, got '" + pair + "'");
            }
            String number = pair.substring(eq + 1).trim();
            try {
                out.put(name, Double.parseDouble(number));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        key + ": " + name + " must be a decimal number, got '" + number + "'", e);
            }
        }
        return out;
    }
}
