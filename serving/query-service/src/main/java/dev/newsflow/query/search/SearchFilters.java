package dev.newsflow.query.search;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * Filters of a search, applied to both the BM25 and the kNN request (inside the kNN clause, so that
 * the nearest neighbours are searched among the matching articles, not filtered afterwards).
 *
 * @param sources article sources to keep; empty: all
 * @param language language code to keep, or {@code null}
 * @param from earliest {@code publishedAt} kept (inclusive), or {@code null}
 * @param to latest {@code publishedAt} kept (inclusive), or {@code null}
 */
public record SearchFilters(List<String> sources, String language, Instant from, Instant to) {

    public static final SearchFilters NONE = new SearchFilters(List.of(), null, null, null);

    public SearchFilters {
        sources = List.copyOf(sources);
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to");
        }
    }

    /** The filter clauses for a {@code bool.filter}; empty when nothing is filtered. */
    public JsonArray clauses() {
        JsonArray clauses = new JsonArray();
        if (!sources.isEmpty()) {
            clauses.add(
                    new JsonObject()
                            .put("terms", new JsonObject().put("source", new JsonArray(sources))));
        }
        if (language != null) {
            clauses.add(new JsonObject().put("term", new JsonObject().put("language", language)));
        }
        if (from != null || to != null) {
            JsonObject range = new JsonObject();
            if (from != null) {
                range.put("gte", from.toString());
            }
            if (to != null) {
                range.put("lte", to.toString());
            }
            clauses.add(new JsonObject().put("range", new JsonObject().put("publishedAt", range)));
        }
        return clauses;
    }
}
