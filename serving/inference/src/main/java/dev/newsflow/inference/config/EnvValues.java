package dev.newsflow.inference.config;

import java.util.Arrays;
import java.util.Map;

/**
 * Reads typed values from environment variables for the inference module's configuration records
 * (the local server's, the client's): unset or blank means the default, anything unparsable fails
 * with the variable's name.
 */
public final class EnvValues {

    private EnvValues() {}

    /** The variable as an int, or {@code fallback} when unset or blank. */
    public static int intOf(Map<String, String> env, String key, int fallback) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer, was '" + value + "'");
        }
    }

    /** The variable as a double, or {@code fallback} when unset or blank. */
    public static double doubleOf(Map<String, String> env, String key, double fallback) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, was '" + value + "'");
        }
    }

    /** The variable stripped, or {@code fallback} when unset or blank. */
    public static String stringOf(Map<String, String> env, String key, String fallback) {
        String value = env.get(key);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    /** The variable as one of {@code type}'s constants, case-insensitive. */
    public static <E extends Enum<E>> E enumOf(
            Map<String, String> env, String key, Class<E> type, E fallback) {
        String value = stringOf(env, key, null);
        if (value == null) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(
                key
                        + " must be one of "
                        + Arrays.toString(type.getEnumConstants())
                        + ", was '"
                        + value
                        + "'");
    }
}
