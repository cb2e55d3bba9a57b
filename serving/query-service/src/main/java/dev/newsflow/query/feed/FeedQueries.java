package dev.newsflow.query.feed;

import dev.newsflow.schemas.search.EmbeddingBytes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;

/** The OpenSearch request bodies of a feed page: candidates by kNN or by importance, stories. */
public final class FeedQueries {

    /** What a candidate needs of {@code _source}: the item's fields, not the text. */
    public static final JsonArray CANDIDATE_FIELDS =
            new JsonArray()
                    .add("id")
                    .add("title")
                    .add("summary")
                    .add("source")
                    .add("storyId")
                    .add("publishedAt")
                    .add("url")
                    .add("importance");

    /**
     * The candidate's embedding (for MMR and the cosines to the persona), from doc values: see
     * {@link EmbeddingBytes} for why not from {@code _source}.
     */
    public static final JsonArray CANDIDATE_DOC_VALUES = new JsonArray().add(EmbeddingBytes.FIELD);

    /** A cold-start pool is this many times the per-centroid candidates. */
    public static final int COLD_START_POOL_FACTOR = 4;

    private FeedQueries() {}

    /**
     * The {@code k} articles nearest to {@code vector} among those published in {@code [from, to]}
     * (and in {@code language}); the filters are inside the kNN clause, so the neighbours are
     * searched among the recent articles rather than filtered away afterwards.
     */
    public static JsonObject knn(float[] vector, int k, Instant from, Instant to, String language) {
        JsonObject clause =
                new JsonObject()
                        .put("vector", FeedVectors.toJson(vector))
                        .put("k", k)
                        .put(
                                "filter",
                                new JsonObject()
                                        .put(
                                                "bool",
                                                new JsonObject()
                                                        .put(
                                                                "filter",
                                                                filters(from, to, language))));
        return new JsonObject()
                .put("size", k)
                .put("_source", CANDIDATE_FIELDS.copy())
                .put("docvalue_fields", CANDIDATE_DOC_VALUES.copy())
                .put(
                        "query",
                        new JsonObject().put("knn", new JsonObject().put("embedding", clause)));
    }

    /** Cold start: the most important recent articles, newest first among equals. */
    public static JsonObject byImportance(int size, Instant from, Instant to, String language) {
        JsonArray sort =
                new JsonArray()
                        .add(
                                new JsonObject()
                                        .put(
                                                "importance",
                                                new JsonObject()
                                                        .put("order", "desc")
                                                        .put("missing", "_last")))
                        .add(new JsonObject().put("publishedAt", "desc"))
                        .add(new JsonObject().put("id", "asc"));
        return new JsonObject()
                .put("size", size)
                .put("_source", CANDIDATE_FIELDS.copy())
                .put("docvalue_fields", CANDIDATE_DOC_VALUES.copy())
                .put(
                        "query",
                        new JsonObject()
                                .put(
                                        "bool",
                                        new JsonObject()
                                                .put("filter", filters(from, to, language))))
                .put("sort", sort);
    }

    /** The source counts of the page's stories, in one request. */
    public static JsonObject stories(Collection<String> storyIds) {
        return new JsonObject()
                .put("size", storyIds.size())
                .put("_source", new JsonArray().add("storyId").add("sourceCount"))
                .put(
                        "query",
                        new JsonObject()
                                .put(
                                        "terms",
                                        new JsonObject()
                                                .put(
                                                        "storyId",
                                                        new JsonArray(new ArrayList<>(storyIds)))));
    }

    static JsonArray filters(Instant from, Instant to, String language) {
        JsonArray filters =
                new JsonArray()
                        .add(
                                new JsonObject()
                                        .put(
                                                "range",
                                                new JsonObject()
                                                        .put(
                                                                "publishedAt",
                                                                new JsonObject()
                                                                        .put("gte", from.toString())
                                                                        .put(
                                                                                "lte",
                                                                                to.toString()))));
        if (language != null) {
            filters.add(new JsonObject().put("term", new JsonObject().put("language", language)));
        }
        return filters;
    }
}
