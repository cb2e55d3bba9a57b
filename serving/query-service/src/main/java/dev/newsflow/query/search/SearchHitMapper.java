package dev.newsflow.query.search;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Maps OpenSearch {@code _search} responses to what the service returns. */
public final class SearchHitMapper {

    /** Length of the text excerpt that stands in for a missing summary. */
    public static final int SNIPPET_LENGTH = 300;

    private SearchHitMapper() {}

    /** The hits of a search response in OpenSearch's order (best first). */
    public static List<ArticleHit> hits(JsonObject response) {
        List<ArticleHit> hits = new ArrayList<>();
        for (Object element : hitArray(response)) {
            JsonObject hit = (JsonObject) element;
            JsonObject source = hit.getJsonObject("_source", new JsonObject()).copy();
            OpenSearchQueries.VECTOR_FIELDS.forEach(source::remove);
            hits.add(
                    new ArticleHit(
                            source.getString("id", hit.getString("_id")),
                            source,
                            hit.getJsonObject("highlight", new JsonObject())));
        }
        return hits;
    }

    /** The stored article of the first hit, without its embedding; empty when nothing matched. */
    public static Optional<JsonObject> firstArticle(JsonObject response) {
        JsonArray hits = hitArray(response);
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        JsonObject source = hits.getJsonObject(0).getJsonObject("_source", new JsonObject()).copy();
        OpenSearchQueries.VECTOR_FIELDS.forEach(source::remove);
        return Optional.of(source);
    }

    /**
     * The summary when there is one, else the start of the text cut at a word boundary (with an
     * ellipsis) so that a result list stays short; {@code null} when there is neither.
     */
    public static String snippet(String summary, String text) {
        if (summary != null && !summary.isBlank()) {
            return summary;
        }
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() <= SNIPPET_LENGTH) {
            return stripped;
        }
        int cut = stripped.lastIndexOf(' ', SNIPPET_LENGTH);
        // A single very long token: cut it rather than return nothing useful.
        if (cut < SNIPPET_LENGTH / 2) {
            cut = SNIPPET_LENGTH;
            if (Character.isHighSurrogate(stripped.charAt(cut - 1))) {
                cut--;
            }
        }
        return stripped.substring(0, cut).stripTrailing() + "…";
    }

    private static JsonArray hitArray(JsonObject response) {
        JsonObject outer = response.getJsonObject("hits", new JsonObject());
        return outer.getJsonArray("hits", new JsonArray());
    }
}
