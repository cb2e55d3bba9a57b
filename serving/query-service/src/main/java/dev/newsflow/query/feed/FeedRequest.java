package dev.newsflow.query.feed;

import dev.newsflow.query.auth.ApiUser;
import dev.newsflow.query.http.ApiException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A validated {@code GET /feed} request of an authenticated user.
 *
 * @param userId whose feed: always the caller's own
 * @param limit articles on the page, 1 to {@value #MAX_LIMIT}
 * @param cursor where the previous page ended, or {@code null} for the first page
 * @param language only articles in this language, or {@code null} for all
 */
public record FeedRequest(String userId, int limit, FeedCursor cursor, String language) {

    /** The query parameters {@code /feed} understands; any other is a 400. */
    public static final Set<String> PARAMETERS = Set.of("limit", "cursor", "userId", "language");

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 50;
    static final int MAX_LANGUAGE_LENGTH = 20;

    public FeedRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest(
                    "query parameter 'limit' must be between 1 and "
                            + MAX_LIMIT
                            + ", was "
                            + limit);
        }
    }

    /**
     * Parses the query parameters of {@code caller}'s request (the first value of each counts).
     *
     * @throws ApiException 400 for an invalid parameter, 403 for another user's feed
     */
    public static FeedRequest parse(Map<String, List<String>> params, ApiUser caller) {
        Set<String> unknown = new TreeSet<>(params.keySet());
        unknown.removeAll(PARAMETERS);
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest(
                    "unknown query parameter(s) "
                            + unknown
                            + "; /feed accepts "
                            + new TreeSet<>(PARAMETERS));
        }
        String userId = first(params, "userId");
        if (userId != null && !userId.strip().equals(caller.userId())) {
            // Analysts too: a feed reveals what its reader liked.
            throw new ApiException(403, "a user can read only their own feed");
        }
        String cursor = first(params, "cursor");
        String language = first(params, "language");
        if (language != null && language.strip().length() > MAX_LANGUAGE_LENGTH) {
            throw ApiException.badRequest(
                    "query parameter 'language' must be at most "
                            + MAX_LANGUAGE_LENGTH
                            + " characters");
        }
        return new FeedRequest(
                caller.userId(),
                limit(first(params, "limit")),
                cursor == null ? null : FeedCursor.decode(cursor),
                language == null ? null : language.strip());
    }

    private static int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(
                    "query parameter 'limit' must be an integer between 1 and " + MAX_LIMIT);
        }
    }

    /** The first value, {@code null} when absent or blank. */
    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
    }
}
