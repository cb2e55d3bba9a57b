package dev.newsflow.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StoryQueriesTest {

    @Test
    void topSortsByImportanceAndNeverFetchesTheCentroid() {
        JsonObject query = StoryQueries.top(5);

        assertThat(query.getInteger("size")).isEqualTo(5);
        assertThat(query.getJsonArray("sort").getJsonObject(0))
                .isEqualTo(
                        new JsonObject(
                                "{\"importance\":{\"order\":\"desc\",\"missing\":\"_last\"}}"));
        JsonArray fields = query.getJsonObject("_source").getJsonArray("includes");
        assertThat(fields.getList()).contains("headline", "summary", "sourceCount", "growthRate");
        assertThat(fields.getList()).doesNotContain("centroid", "articleIds");
    }

    @Test
    void trendingKeepsStoriesSeenInTheWindowByGrowthThenVelocity() {
        JsonObject query = StoryQueries.trending(3, Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(query.getJsonObject("query").encode())
                .isEqualTo(
                        "{\"bool\":{\"filter\":[{\"range\":{\"lastSeen\":"
                                + "{\"gte\":\"2026-01-01T00:00:00Z\"}}}]}}");
        JsonArray sort = query.getJsonArray("sort");
        assertThat(sort.getJsonObject(0).fieldNames()).containsExactly("growthRate");
        assertThat(sort.getJsonObject(1).fieldNames())
                .containsExactly("importanceComponents.velocity");
        assertThat(sort.getJsonObject(2).fieldNames()).containsExactly("importance");
    }

    @Test
    void mapsStoredStoriesAndCapsTheListedSources() {
        JsonObject stored =
                new JsonObject()
                        .put("storyId", "s-1")
                        .put("headline", "Flood barrier vote")
                        .put("summary", "The council voted.")
                        .put("language", "en")
                        .put("articleCount", 9)
                        .put(
                                "sources",
                                new JsonArray()
                                        .add("a")
                                        .add("b")
                                        .add("c")
                                        .add("d")
                                        .add("e")
                                        .add("f"))
                        .put("sourceCount", 6)
                        .put("keywords", new JsonArray().add("flood"))
                        .put("firstSeen", "2026-01-01T00:00:00Z")
                        .put("lastSeen", "2026-01-01T03:00:00Z")
                        .put("growthRate", 4.0)
                        .put("importance", 0.8)
                        .put("importanceComponents", new JsonObject().put("velocity", 0.5));
        JsonObject response =
                new JsonObject()
                        .put(
                                "hits",
                                new JsonObject()
                                        .put(
                                                "hits",
                                                new JsonArray()
                                                        .add(
                                                                new JsonObject()
                                                                        .put("_source", stored))
                                                        .add(
                                                                new JsonObject()
                                                                        .put(
                                                                                "_source",
                                                                                new JsonObject()
                                                                                        .put(
                                                                                                "storyId",
                                                                                                "s-2")))));

        JsonArray stories = StoryQueries.stories(response);

        JsonObject first = stories.getJsonObject(0);
        assertThat(first.getString("headline")).isEqualTo("Flood barrier vote");
        assertThat(first.getString("summary")).isEqualTo("The council voted.");
        assertThat(first.getInteger("sourceCount")).isEqualTo(6);
        assertThat(first.getJsonArray("sources")).hasSize(5);
        assertThat(first.getDouble("velocity")).isEqualTo(0.5);
        assertThat(first.getDouble("growthRate")).isEqualTo(4.0);
        JsonObject sparse = stories.getJsonObject(1);
        assertThat(sparse.getString("storyId")).isEqualTo("s-2");
        assertThat(sparse.getInteger("sourceCount")).isZero();
        assertThat(sparse.getDouble("importance")).isZero();
        assertThat(sparse.getString("summary")).isNull();
    }
}
