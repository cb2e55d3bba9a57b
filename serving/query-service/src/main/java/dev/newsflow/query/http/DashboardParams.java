package dev.newsflow.query.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validation of the analyst dashboard's query parameters: unknown names, bounded integers and
 * durations such as {@code 6h} or {@code 7d}. Every refusal is a 400 naming the parameter.
 */
final class DashboardParams {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,4})([hd])");

    private DashboardParams() {}

    /** Refuses any parameter outside {@code accepted}. */
    static void requireKnown(Map<String, List<String>> params, Set<String> accepted, String path) {
        Set<String> unknown = new TreeSet<>(params.keySet());
        unknown.removeAll(accepted);
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest(
                    "unknown query parameter(s) "
                            + unknown
                            + "; "
                            + path
                            + " accepts "
                            + new TreeSet<>(accepted));
        }
    }

    /** The first value of {@code name}, or {@code fallback} when absent or blank. */
    static int integer(
            Map<String, List<String>> params, String name, int fallback, int min, int max) {
        String text = first(params, name);
        if (text == null) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw outOfRange(name, min, max, text);
        }
        if (value < min || value > max) {
            throw outOfRange(name, min, max, text);
        }
        return value;
    }

    /**
     * A duration in whole hours ({@code 12h}) or days ({@code 7d}) between {@code min} and {@code
     * max}; {@code fallback} when absent or blank.
     */
    static Duration duration(
            Map<String, List<String>> params,
            String name,
            Duration fallback,
            Duration min,
            Duration max) {
        String text = first(params, name);
        if (text == null) {
            return fallback;
        }
        Duration value = parseDuration(text);
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw ApiException.badRequest(
                    "query parameter '"
                            + name
                            + "' must be a duration in hours or days (e.g. 6h, 7d) from "
                            + format(min)
                            + " to "
                            + format(max)
                            + ", was '"
                            + abbreviate(text)
                            + "'");
        }
        return value;
    }

    /** {@code 6h} or {@code 7d} as a duration; {@code null} when the text is neither. */
    static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        long amount = Long.parseLong(m.group(1));
        return m.group(2).equals("h") ? Duration.ofHours(amount) : Duration.ofDays(amount);
    }

    /** The shortest of {@code 6h} / {@code 7d} that names {@code d} exactly. */
    static String format(Duration d) {
        long hours = d.toHours();
        return hours % 24 == 0 ? hours / 24 + "d" : hours + "h";
    }

    static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            return null;
        }
        return values.get(0).strip();
    }

    private static ApiException outOfRange(String name, int min, int max, String text) {
        return ApiException.badRequest(
                "query parameter '"
                        + name
                        + "' must be an integer between "
                        + min
                        + " and "
                        + max
                        + ", was '"
                        + abbreviate(text)
                        + "'");
    }

    private static String abbreviate(String value) {
        return value.length() <= 20 ? value : value.substring(0, 20) + "…";
    }
}
