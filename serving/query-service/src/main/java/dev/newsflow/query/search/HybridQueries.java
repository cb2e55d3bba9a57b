package dev.newsflow.query.search;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The two OpenSearch request bodies of a hybrid search: BM25 and kNN, same filters. */
public final class HybridQueries {

    /** Title matches count three times, summary twice, body text once. */
    static final JsonArray FIELDS = new JsonArray().add("title^3").add("summary^2").add("text");

    static final int TEXT_FRAGMENT_CHARS = 150;

    private HybridQueries() {}

    /** Full-text search on title, summary and text (english analyzer), best match first. */
    public static JsonObject bm25(String query, SearchFilters filters, int size) {
        JsonObject bool = new JsonObject().put("must", multiMatch(query));
        JsonArray clauses = filters.clauses();
        if (!clauses.isEmpty()) {
            bool.put("filter", clauses);
        }
        return base(query, size).put("query", new JsonObject().put("bool", bool));
    }

    /**
     * The {@code size} articles nearest to {@code vector} among those the filters keep; highlighted
     * with the words of the query so that meaning-only matches show what they share, if anything.
     */
    public static JsonObject knn(String query, float[] vector, SearchFilters filters, int size) {
        JsonArray values = new JsonArray();
        for (float v : vector) {
            values.add(v);
        }
        JsonObject clause = new JsonObject().put("vector", values).put("k", size);
        JsonArray clauses = filters.clauses();
        if (!clauses.isEmpty()) {
            clause.put(
                    "filter",
                    new JsonObject().put("bool", new JsonObject().put("filter", clauses)));
        }
        return base(query, size)
                .put(
                        "query",
                        new JsonObject()
                                .put(
                                        "knn",
                                        new JsonObject()
                                                .put(OpenSearchQueries.EMBEDDING_FIELD, clause)));
    }

    private static JsonObject base(String query, int size) {
        return new JsonObject()
                .put("size", size)
                .put("_source", OpenSearchQueries.withoutEmbedding())
                .put("highlight", highlight(query));
    }

    private static JsonObject multiMatch(String query) {
        return new JsonObject()
                .put(
                        "multi_match",
                        new JsonObject()
                                .put("query", query)
                                .put("fields", FIELDS.copy())
                                .put("type", "best_fields"));
    }

    private static JsonObject highlight(String query) {
        JsonObject fields =
                new JsonObject()
                        .put("title", new JsonObject().put("number_of_fragments", 0))
                        .put("summary", new JsonObject().put("number_of_fragments", 0))
                        .put(
                                "text",
                                new JsonObject()
                                        .put("fragment_size", TEXT_FRAGMENT_CHARS)
                                        .put("number_of_fragments", 2));
        return new JsonObject()
                .put("pre_tags", new JsonArray().add("<em>"))
                .put("post_tags", new JsonArray().add("</em>"))
                .put("highlight_query", multiMatch(query))
                .put("fields", fields);
    }
}
