package dev.newsflow.query.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated {@code GET /api/stories} request.
 *
 * @param limit stories per list (top and trending), 1 to {@link #MAX_LIMIT}
 * @param window trending looks at stories seen within this long before now
 */
public record StoriesRequest(int limit, Duration window) {

    public static final Set<String> PARAMETERS = Set.of("limit", "window");
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 50;
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(24);
    public static final Duration MIN_WINDOW = Duration.ofHours(1);
    public static final Duration MAX_WINDOW = Duration.ofDays(30);

    /**
     * @throws ApiException with status 400 naming the offending parameter
     */
    public static StoriesRequest fromParams(Map<String, List<String>> params) {
        DashboardParams.requireKnown(params, PARAMETERS, "/api/stories");
        return new StoriesRequest(
                DashboardParams.integer(params, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT),
                DashboardParams.duration(params, "window", DEFAULT_WINDOW, MIN_WINDOW, MAX_WINDOW));
    }
}
