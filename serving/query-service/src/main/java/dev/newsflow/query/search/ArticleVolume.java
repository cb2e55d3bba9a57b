package dev.newsflow.query.search;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;

/**
 * Article volume over time, in total, per source and per topic; backs {@code /api/stats/volume}.
 */
public final class ArticleVolume {

    private final ArticleSearch search;
    private final String articlesAlias;

    public ArticleVolume(ArticleSearch search, String articlesAlias) {
        this.search = search;
        this.articlesAlias = articlesAlias;
    }

    public Future<JsonObject> volume(
            Duration window, Duration interval, int top, String timeField, Instant now) {
        VolumeQueries.Axis axis = new VolumeQueries.Axis(now.minus(window), now, interval);
        return search.rawSearch(articlesAlias, VolumeQueries.request(axis, timeField, top))
                .map(
                        answer ->
                                VolumeQueries.response(axis, answer)
                                        .put("window", window.toString())
                                        .put("time", timeField));
    }
}
