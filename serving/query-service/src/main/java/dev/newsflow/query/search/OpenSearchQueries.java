package dev.newsflow.query.search;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Builds the OpenSearch request bodies of the query service. */
public final class OpenSearchQueries {

    /** Field holding the article vector in the {@code articles} mapping. */
    public static final String EMBEDDING_FIELD = "embedding";

    private OpenSearchQueries() {}

    /**
     * An approximate kNN query for the {@code k} articles nearest to {@code vector}; the embedding
     * is left out of the returned sources since no client needs 384 floats per hit.
     */
    public static JsonObject knn(float[] vector, int k) {
        if (vector.length == 0) {
            throw new IllegalArgumentException("vector must not be empty");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be positive, was " + k);
        }
        JsonArray values = new JsonArray();
        for (float v : vector) {
            values.add(v);
        }
        JsonObject knn =
                new JsonObject()
                        .put(EMBEDDING_FIELD, new JsonObject().put("vector", values).put("k", k));
        return new JsonObject()
                .put("size", k)
                .put("_source", withoutEmbedding())
                .put("query", new JsonObject().put("knn", knn));
    }

    /**
     * Looks an article up by its {@code id} field. A term query rather than {@code GET _doc/id}
     * keeps the look-up independent of the document {@code _id} the writer chose and works on an
     * alias whatever index it points to.
     */
    public static JsonObject byId(String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("id must not be empty");
        }
        return new JsonObject()
                .put("size", 1)
                .put("_source", withoutEmbedding())
                .put(
                        "query",
                        new JsonObject()
                                .put(
                                        "term",
                                        new JsonObject()
                                                .put("id", new JsonObject().put("value", id))));
    }

    private static JsonObject withoutEmbedding() {
        return new JsonObject().put("excludes", new JsonArray().add(EMBEDDING_FIELD));
    }
}
