package dev.newsflow.query.feed;

import dev.newsflow.schemas.search.EmbeddingBytes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * An article that may go into a feed, as a kNN or importance query returns it (with its embedding,
 * without its text).
 *
 * @param storyId the article's story, or {@code null}
 * @param publishedAt publication time, or {@code null} when unknown
 * @param importance the story's importance in [0, 1], 0 when unknown
 * @param embedding the article's unit embedding, or {@code null}
 */
public record Candidate(
        String id,
        String title,
        String summary,
        String source,
        String storyId,
        Instant publishedAt,
        String url,
        double importance,
        float[] embedding) {

    /**
     * A search hit whose {@code _source} carries {@link FeedQueries#CANDIDATE_FIELDS} and whose
     * {@code fields} the {@link EmbeddingBytes} (an embedding in {@code _source} is read too, for
     * articles indexed before that field existed, when a query asks for it).
     */
    public static Candidate fromHit(JsonObject hit) {
        JsonObject s = hit.getJsonObject("_source", new JsonObject());
        Number importance = s.getNumber("importance");
        return new Candidate(
                s.getString("id", hit.getString("_id")),
                s.getString("title"),
                s.getString("summary"),
                s.getString("source"),
                s.getString("storyId"),
                instant(s.getString("publishedAt")),
                s.getString("url"),
                importance == null ? 0 : Math.max(0, Math.min(1, importance.doubleValue())),
                embedding(hit, s));
    }

    private static float[] embedding(JsonObject hit, JsonObject source) {
        JsonArray values =
                hit.getJsonObject("fields", new JsonObject()).getJsonArray(EmbeddingBytes.FIELD);
        if (values != null && !values.isEmpty()) {
            return EmbeddingBytes.decode(values.getString(0));
        }
        return FeedVectors.of(source.getJsonArray("embedding"));
    }

    /** Articles without a story are their own story. */
    public String storyKey() {
        return storyId == null ? "article:" + id : storyId;
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }
}
