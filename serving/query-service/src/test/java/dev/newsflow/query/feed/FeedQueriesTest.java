package dev.newsflow.query.feed;

import static dev.newsflow.query.feed.FeedFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedQueriesTest {

    private static final java.time.Instant FROM = NOW.minus(Duration.ofDays(3));

    @Test
    void knnFiltersRecencyAndLanguageInsideTheKnnClause() {
        JsonObject body = FeedQueries.knn(new float[] {0.6f, 0.8f}, 50, FROM, NOW, "en");

        JsonObject knn =
                body.getJsonObject("query").getJsonObject("knn").getJsonObject("embedding");
        assertThat(body.getInteger("size")).isEqualTo(50);
        assertThat(knn.getInteger("k")).isEqualTo(50);
        assertThat(knn.getJsonArray("vector")).isEqualTo(new JsonArray().add(0.6f).add(0.8f));
        JsonArray filters =
                knn.getJsonObject("filter").getJsonObject("bool").getJsonArray("filter");
        assertThat(filters)
                .containsExactly(
                        range(),
                        new JsonObject().put("term", new JsonObject().put("language", "en")));
        assertThat(body.getJsonArray("_source")).contains("storyId", "importance");
        assertThat(body.getJsonArray("_source")).doesNotContain("text", "embedding");
        assertThat(body.getJsonArray("docvalue_fields")).containsExactly("embeddingBytes");
    }

    @Test
    void coldStartQuerySortsRecentArticlesByImportance() {
        JsonObject body = FeedQueries.byImportance(200, FROM, NOW, null);

        assertThat(body.getJsonObject("query").getJsonObject("bool").getJsonArray("filter"))
                .containsExactly(range());
        assertThat(body.getJsonArray("sort").getJsonObject(0).getJsonObject("importance"))
                .isEqualTo(new JsonObject().put("order", "desc").put("missing", "_last"));
        assertThat(body.getInteger("size")).isEqualTo(200);
        assertThat(body.encode()).doesNotContain("knn");
    }

    @Test
    void storiesAreFetchedInOneTermsQuery() {
        JsonObject body = FeedQueries.stories(List.of("s1", "s2"));

        assertThat(body.getJsonObject("query").getJsonObject("terms").getJsonArray("storyId"))
                .containsExactly("s1", "s2");
        assertThat(body.getInteger("size")).isEqualTo(2);
    }

    private static JsonObject range() {
        return new JsonObject()
                .put(
                        "range",
                        new JsonObject()
                                .put(
                                        "publishedAt",
                                        new JsonObject()
                                                .put("gte", FROM.toString())
                                                .put("lte", NOW.toString())));
    }
}
