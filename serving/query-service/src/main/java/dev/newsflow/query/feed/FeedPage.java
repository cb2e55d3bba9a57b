package dev.newsflow.query.feed;

import dev.newsflow.query.config.FeedConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/** The JSON answer of {@code GET /feed}: one page of items and the cursor of the next page. */
public final class FeedPage {

    public static final String PERSONAL = "personal";
    public static final String COLD_START = "coldStart";

    private FeedPage() {}

    /**
     * @param storySources source count per story id (stories missing from the map are unknown)
     * @param nextCursor the cursor of the next page, or {@code null} at the end of the feed
     */
    public static JsonObject toJson(
            FeedPersona persona,
            List<Mmr.Pick> picks,
            Map<String, Integer> storySources,
            FeedConfig config,
            String nextCursor) {
        JsonArray items = new JsonArray();
        for (Mmr.Pick pick : picks) {
            FeedRanker.Scored s = pick.scored();
            Candidate c = s.candidate();
            Integer sources = c.storyId() == null ? null : storySources.get(c.storyId());
            items.add(
                    new JsonObject()
                            .put("id", c.id())
                            .put("title", c.title())
                            .put("summary", c.summary())
                            .put("source", c.source())
                            .put("storyId", c.storyId())
                            .put(
                                    "publishedAt",
                                    c.publishedAt() == null ? null : c.publishedAt().toString())
                            .put("url", c.url())
                            .put("importance", c.importance())
                            .put(
                                    "score",
                                    new JsonObject()
                                            .put("total", s.score())
                                            .put("similarity", s.similarity())
                                            .put("importance", c.importance())
                                            .put("recency", s.recency())
                                            .put("mmr", pick.mmr()))
                            .put("why", WhyThis.explain(s, persona, sources, config)));
        }
        return new JsonObject()
                .put("userId", persona.userId())
                .put("mode", persona.personal() ? PERSONAL : COLD_START)
                .put("personaVersion", persona.version() < 0 ? null : persona.version())
                .put("items", items)
                .put("nextCursor", nextCursor);
    }
}
