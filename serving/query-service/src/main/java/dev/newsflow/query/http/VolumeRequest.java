package dev.newsflow.query.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated {@code GET /api/stats/volume} request.
 *
 * @param window how far back from now to count articles
 * @param interval width of one time bucket
 * @param top how many sources and how many topics get their own series
 * @param timeField the article time that places an article in a bucket
 */
public record VolumeRequest(Duration window, Duration interval, int top, String timeField) {

    public static final Set<String> PARAMETERS = Set.of("window", "interval", "top", "time");
    public static final Set<String> TIME_FIELDS = Set.of("publishedAt", "enrichedAt");
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(7);
    public static final Duration MAX_WINDOW = Duration.ofDays(90);
    public static final int DEFAULT_TOP = 8;
    public static final int MAX_TOP = 20;

    /** More buckets than this per series is no chart anyone can read. */
    public static final int MAX_BUCKETS = 500;

    /**
     * @throws ApiException with status 400 naming the offending parameter
     */
    public static VolumeRequest fromParams(Map<String, List<String>> params) {
        DashboardParams.requireKnown(params, PARAMETERS, "/api/stats/volume");
        Duration window =
                DashboardParams.duration(
                        params, "window", DEFAULT_WINDOW, Duration.ofHours(1), MAX_WINDOW);
        Duration interval =
                DashboardParams.duration(
                        params,
                        "interval",
                        defaultInterval(window),
                        Duration.ofHours(1),
                        Duration.ofDays(7));
        if (interval.compareTo(window) > 0) {
            throw ApiException.badRequest(
                    "query parameter 'interval' must not be longer than 'window'");
        }
        if (window.toHours() / interval.toHours() > MAX_BUCKETS) {
            throw ApiException.badRequest(
                    "'window' / 'interval' gives more than "
                            + MAX_BUCKETS
                            + " buckets; choose a longer interval");
        }
        String time = DashboardParams.first(params, "time");
        if (time != null && !TIME_FIELDS.contains(time)) {
            throw ApiException.badRequest(
                    "query parameter 'time' must be one of publishedAt, enrichedAt");
        }
        return new VolumeRequest(
                window,
                interval,
                DashboardParams.integer(params, "top", DEFAULT_TOP, 1, MAX_TOP),
                time == null ? "publishedAt" : time);
    }

    /** Hourly buckets up to two days, daily beyond. */
    static Duration defaultInterval(Duration window) {
        return window.compareTo(Duration.ofDays(2)) <= 0 ? Duration.ofHours(1) : Duration.ofDays(1);
    }
}
