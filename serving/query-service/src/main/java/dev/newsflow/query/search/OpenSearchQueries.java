package dev.newsflow.query.search;

import dev.newsflow.schemas.search.EmbeddingBytes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Builds the OpenSearch request bodies of the query service. */
public final class OpenSearchQueries {

    /** Field holding the article vector in the {@code articles} mapping. */
    public static final String EMBEDDING_FIELD = "embedding";

    /** The vector fields (the kNN vector and its doc-values copy): never returned to clients. */
    public static final List<String> VECTOR_FIELDS = List.of(EMBEDDING_FIELD, EmbeddingBytes.FIELD);

    private OpenSearchQueries() {}

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

    /** A {@code _source} filter that leaves the {@link #VECTOR_FIELDS} out. */
    public static JsonObject withoutEmbedding() {
        return new JsonObject().put("excludes", new JsonArray(VECTOR_FIELDS));
    }
}
