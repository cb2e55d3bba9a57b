package dev.newsflow.query.http;

import dev.newsflow.query.config.QueryServiceConfig;
import java.util.List;

/**
 * A validated {@code GET /search} request.
 *
 * @param query the query text, stripped of surrounding white space
 * @param k number of results wanted, 1 to {@link QueryServiceConfig#MAX_K}
 */
public record SearchRequest(String query, int k) {

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

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String abbreviate(String value) {
        return value.length() <= 20 ? value : value.substring(0, 20) + "…";
    }
}
