package dev.newsflow.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ArticleStatsTest {

    @Test
    void mapsExactTotalsAndTopSourceBuckets() {
        JsonObject articles =
                new JsonObject(
                        "{\"hits\":{\"total\":{\"value\":12,\"relation\":\"eq\"}},"
                                + "\"aggregations\":{\"sources\":{\"buckets\":["
                                + "{\"key\":\"a.example\",\"doc_count\":9},"
                                + "{\"key\":\"b.example\",\"doc_count\":3}]}}}");
        JsonObject stories = new JsonObject("{\"hits\":{\"total\":{\"value\":4}}}");

        JsonObject stats = ArticleStats.toJson(articles, stories);

        assertThat(stats)
                .isEqualTo(
                        new JsonObject(
                                "{\"articles\":12,\"stories\":4,\"topSources\":["
                                        + "{\"source\":\"a.example\",\"articles\":9},"
                                        + "{\"source\":\"b.example\",\"articles\":3}]}"));
    }

    @Test
    void asksForExactTotalsAndTheTopTenSources() {
        JsonObject query = ArticleStats.articlesQuery();

        assertThat(query.getBoolean("track_total_hits")).isTrue();
        assertThat(query.getInteger("size")).isZero();
        assertThat(query.getJsonObject("aggs").getJsonObject("sources").getJsonObject("terms"))
                .isEqualTo(new JsonObject().put("field", "source").put("size", 10));
    }
}
