package dev.newsflow.query.feed;

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

    /** A search hit whose {@code _source} carries {@link FeedQueries#CANDIDATE_FIELDS}. */
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
                FeedVectors.of(s.getJsonArray("embedding")));
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
