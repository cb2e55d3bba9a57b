package dev.newsflow.query.search;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;

/**
 * Top and trending stories from the stories alias, both fetched at once; backs {@code GET
 * /api/stories}.
 */
public final class StoryRanking {

    private final ArticleSearch search;
    private final String storiesAlias;

    public StoryRanking(ArticleSearch search, String storiesAlias) {
        this.search = search;
        this.storiesAlias = storiesAlias;
    }

    public Future<JsonObject> stories(int limit, Duration window, Instant now) {
        Instant since = now.minus(window);
        Future<JsonObject> top = search.rawSearch(storiesAlias, StoryQueries.top(limit));
        Future<JsonObject> trending =
                search.rawSearch(storiesAlias, StoryQueries.trending(limit, since));
        return Future.all(top, trending)
                .map(
                        both ->
                                new JsonObject()
                                        .put("total", total(top.result()))
                                        .put("top", StoryQueries.stories(top.result()))
                                        .put(
                                                "trending",
                                                new JsonObject()
                                                        .put("window", window.toString())
                                                        .put("since", since.toString())
                                                        .put(
                                                                "stories",
                                                                StoryQueries.stories(
                                                                        trending.result()))));
    }

    private static long total(JsonObject response) {
        return response.getJsonObject("hits", new JsonObject())
                .getJsonObject("total", new JsonObject())
                .getLong("value", 0L);
    }
}
