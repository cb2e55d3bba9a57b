package dev.newsflow.query.http;

import dev.newsflow.query.config.QueryServiceConfig;
import dev.newsflow.query.search.SearchFilters;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A validated {@code GET /search} request.
 *
 * @param query the query text, stripped of surrounding white space
 * @param k number of results wanted, 1 to {@link QueryServiceConfig#MAX_K}
 * @param filters source, language and publication date filters
 */
public record SearchRequest(String query, int k, SearchFilters filters) {

    /** The query parameters {@code /search} understands; any other is a 400. */
    public static final Set<String> PARAMETERS =
            Set.of("q", "k", "source", "language", "from", "to");

    /** Longest accepted source or language filter value. */
    static final int MAX_FILTER_LENGTH = 200;

    /** At most this many {@code source} values. */
    static final int MAX_SOURCES = 20;

    public SearchRequest(String query, int k) {
        this(query, k, SearchFilters.NONE);
    }

    /** Longest query accepted; longer text is not a search query and only costs embedding time. */
    public static final int MAX_QUERY_LENGTH = 1_000;

    public SearchRequest {
        if (query == null || query.isBlank()) {
            throw ApiException.badRequest("query parameter 'q' is required and must not be blank");
        }
        if (query.length() > MAX_QUERY_LENGTH) {
            throw ApiException.badRequest(
                    "query parameter 'q' must be at most "
                            + MAX_QUERY_LENGTH
                            + " characters, was "
                            + query.length());
        }
        if (k < 1 || k > QueryServiceConfig.MAX_K) {
            throw ApiException.badRequest(
                    "query parameter 'k' must be between 1 and "
                            + QueryServiceConfig.MAX_K
                            + ", was "
                            + k);
        }
    }

    /**
     * Parses the raw query parameters (all values of {@code q} and of {@code k}, as a router hands
     * them over); the first value of each counts.
     *
     * @throws ApiException with status 400 and a message naming the offending parameter
     */
    public static SearchRequest parse(List<String> q, List<String> k, int defaultK) {
        String query = first(q);
        String kText = first(k);
        int parsedK = defaultK;
        if (kText != null && !kText.isBlank()) {
            try {
                parsedK = Integer.parseInt(kText.strip());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest(
                        "query parameter 'k' must be an integer between 1 and "
                                + QueryServiceConfig.MAX_K
                                + ", was '"
                                + abbreviate(kText)
                                + "'");
            }
        }
        return new SearchRequest(query == null ? null : query.strip(), parsedK);
    }

    /**
     * Parses every query parameter of a {@code /search} request: {@code q}, {@code k}, {@code
     * source} (repeatable or comma-separated), {@code language}, {@code from} and {@code to} (ISO
     * date, whole UTC day, or ISO instant).
     *
     * @throws ApiException with status 400 naming the offending parameter
     */
    public static SearchRequest fromParams(Map<String, List<String>> params, int defaultK) {
        Set<String> unknown = new TreeSet<>(params.keySet());
        unknown.removeAll(PARAMETERS);
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest(
                    "unknown query parameter(s) "
                            + unknown
                            + "; /search accepts "
                            + new TreeSet<>(PARAMETERS));
        }
        SearchRequest basic = parse(params.get("q"), params.get("k"), defaultK);
        List<String> sources = new ArrayList<>();
        for (String value : params.getOrDefault("source", List.of())) {
            for (String source : value.split(",")) {
                if (!source.isBlank()) {
                    sources.add(filterValue("source", source));
                }
            }
        }
        if (sources.size() > MAX_SOURCES) {
            throw ApiException.badRequest(
                    "query parameter 'source' takes at most " + MAX_SOURCES + " values");
        }
        String language = first(params.get("language"));
        language =
                language == null || language.isBlank() ? null : filterValue("language", language);
        Instant from = instant("from", first(params.get("from")), false);
        Instant to = instant("to", first(params.get("to")), true);
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.badRequest("query parameter 'from' must not be after 'to'");
        }
        return new SearchRequest(
                basic.query(), basic.k(), new SearchFilters(sources, language, from, to));
    }

    private static String filterValue(String name, String value) {
        String stripped = value.strip();
        if (stripped.length() > MAX_FILTER_LENGTH) {
            throw ApiException.badRequest(
                    "query parameter '"
                            + name
                            + "' must be at most "
                            + MAX_FILTER_LENGTH
                            + " characters");
        }
        return stripped;
    }

    /**
     * A date is its whole UTC day: its start for {@code from}, its last millisecond for {@code to}.
     */
    static Instant instant(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return endOfDay
                        ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1)
                        : day.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw ApiException.badRequest(
                    "query parameter '"
                            + name
                            + "' must be an ISO date (2025-06-01) or instant"
                            + " (2025-06-01T10:00:00Z), was '"
                            + abbreviate(text)
                            + "'");
        }
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String abbreviate(String value) {
        return value.length() <= 20 ? value : value.substring(0, 20) + "…";
    }
}
