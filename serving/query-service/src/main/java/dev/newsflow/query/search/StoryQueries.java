package dev.newsflow.query.search;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * OpenSearch requests on the stories alias for the analyst dashboard, and the mapping of their
 * answers to the stories the API returns. Importance, growth rate and velocity are computed by the
 * enrichment job (docs/stories.md); this only ranks and shapes them.
 */
public final class StoryQueries {

    /** Stored fields a dashboard story needs; never the 384-float centroid. */
    static final JsonArray FIELDS =
            new JsonArray()
                    .add("storyId")
                    .add("headline")
                    .add("summary")
                    .add("language")
                    .add("articleCount")
                    .add("sources")
                    .add("sourceCount")
                    .add("keywords")
                    .add("firstSeen")
                    .add("lastSeen")
                    .add("growthRate")
                    .add("importance")
                    .add("importanceComponents.velocity");

    /** Sources and keywords listed per story; the counts stay exact. */
    static final int LISTED = 5;

    private StoryQueries() {}

    /** The most important stories, whatever their age (ties: most recently seen first). */
    public static JsonObject top(int limit) {
        return base(limit)
                .put("query", new JsonObject().put("match_all", new JsonObject()))
                .put(
                        "sort",
                        new JsonArray()
                                .add(desc("importance"))
                                .add(desc("lastSeen"))
                                .add(new JsonObject().put("storyId", "asc")));
    }

    /**
     * Stories still growing: seen at or after {@code since}, by growth rate (articles per hour in
     * the hour before their latest article), then velocity (sources joining within that hour), then
     * importance.
     */
    public static JsonObject trending(int limit, Instant since) {
        JsonObject seen =
                new JsonObject()
                        .put(
                                "range",
                                new JsonObject()
                                        .put(
                                                "lastSeen",
                                                new JsonObject().put("gte", since.toString())));
        return base(limit)
                .put(
                        "query",
                        new JsonObject()
                                .put(
                                        "bool",
                                        new JsonObject().put("filter", new JsonArray().add(seen))))
                .put(
                        "sort",
                        new JsonArray()
                                .add(desc("growthRate"))
                                .add(desc("importanceComponents.velocity"))
                                .add(desc("importance"))
                                .add(new JsonObject().put("storyId", "asc")));
    }

    /** The stories of a search answer, in its order. */
    public static JsonArray stories(JsonObject response) {
        JsonArray stories = new JsonArray();
        JsonArray hits =
                response.getJsonObject("hits", new JsonObject())
                        .getJsonArray("hits", new JsonArray());
        for (Object hit : hits) {
            JsonObject source = ((JsonObject) hit).getJsonObject("_source", new JsonObject());
            stories.add(story(source));
        }
        return stories;
    }

    /** One stored story as the API shows it. */
    static JsonObject story(JsonObject s) {
        JsonArray sources = s.getJsonArray("sources", new JsonArray());
        JsonObject components = s.getJsonObject("importanceComponents", new JsonObject());
        return new JsonObject()
                .put("storyId", s.getString("storyId"))
                .put("headline", s.getString("headline"))
                .put("summary", s.getString("summary"))
                .put("language", s.getString("language"))
                .put("articleCount", s.getInteger("articleCount", 0))
                .put("sourceCount", s.getInteger("sourceCount", sources.size()))
                .put("sources", firstOf(sources))
                .put("keywords", firstOf(s.getJsonArray("keywords", new JsonArray())))
                .put("firstSeen", s.getValue("firstSeen"))
                .put("lastSeen", s.getValue("lastSeen"))
                .put("growthRate", s.getDouble("growthRate", 0.0))
                .put("velocity", components.getDouble("velocity", 0.0))
                .put("importance", s.getDouble("importance", 0.0));
    }

    private static JsonArray firstOf(JsonArray values) {
        JsonArray first = new JsonArray();
        for (int i = 0; i < values.size() && i < LISTED; i++) {
            first.add(values.getValue(i));
        }
        return first;
    }

    private static JsonObject base(int limit) {
        return new JsonObject()
                .put("size", limit)
                .put("track_total_hits", true)
                .put("_source", new JsonObject().put("includes", FIELDS));
    }

    private static JsonObject desc(String field) {
        // Stories without the field (older versions) sort last instead of failing the request.
        return new JsonObject()
                .put(field, new JsonObject().put("order", "desc").put("missing", "_last"));
    }
}
