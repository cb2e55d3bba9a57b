package dev.newsflow.query.search;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Counts for analysts, straight from OpenSearch: articles, stories, and the top sources by article
 * count. Exact totals ({@code track_total_hits}), since a dashboard showing "10,000+" is useless.
 */
public final class ArticleStats {

    public static final int TOP_SOURCES = 10;

    private final ArticleSearch search;
    private final String articlesAlias;
    private final String storiesAlias;

    public ArticleStats(ArticleSearch search, String articlesAlias, String storiesAlias) {
        this.search = search;
        this.articlesAlias = articlesAlias;
        this.storiesAlias = storiesAlias;
    }

    public Future<JsonObject> stats() {
        Future<JsonObject> articles = search.rawSearch(articlesAlias, articlesQuery());
        Future<JsonObject> stories = search.rawSearch(storiesAlias, countQuery());
        return Future.all(articles, stories)
                .map(both -> toJson(articles.result(), stories.result()));
    }

    static JsonObject countQuery() {
        return new JsonObject().put("size", 0).put("track_total_hits", true);
    }

    static JsonObject articlesQuery() {
        return countQuery()
                .put(
                        "aggs",
                        new JsonObject()
                                .put(
                                        "sources",
                                        new JsonObject()
                                                .put(
                                                        "terms",
                                                        new JsonObject()
                                                                .put("field", "source")
                                                                .put("size", TOP_SOURCES))));
    }

    static JsonObject toJson(JsonObject articles, JsonObject stories) {
        JsonArray sources = new JsonArray();
        JsonArray buckets =
                articles.getJsonObject("aggregations", new JsonObject())
                        .getJsonObject("sources", new JsonObject())
                        .getJsonArray("buckets", new JsonArray());
        for (Object b : buckets) {
            JsonObject bucket = (JsonObject) b;
            sources.add(
                    new JsonObject()
                            .put("source", bucket.getString("key"))
                            .put("articles", bucket.getLong("doc_count")));
        }
        return new JsonObject()
                .put("articles", total(articles))
                .put("stories", total(stories))
                .put("topSources", sources);
    }

    private static long total(JsonObject response) {
        return response.getJsonObject("hits", new JsonObject())
                .getJsonObject("total", new JsonObject())
                .getLong("value", 0L);
    }
}
