package dev.newsflow.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VolumeQueriesTest {

    private static final VolumeQueries.Axis AXIS =
            new VolumeQueries.Axis(
                    Instant.parse("2026-01-01T10:30:00Z"),
                    Instant.parse("2026-01-01T13:10:00Z"),
                    Duration.ofHours(1));

    @Test
    void axisStartsAtAWholeIntervalAndReachesNow() {
        assertThat(AXIS.starts())
                .containsExactly(
                        Instant.parse("2026-01-01T10:00:00Z").toEpochMilli(),
                        Instant.parse("2026-01-01T11:00:00Z").toEpochMilli(),
                        Instant.parse("2026-01-01T12:00:00Z").toEpochMilli(),
                        Instant.parse("2026-01-01T13:00:00Z").toEpochMilli());
    }

    @Test
    void asksForHistogramsOfAllArticlesTopSourcesAndTopTopics() {
        JsonObject request = VolumeQueries.request(AXIS, "publishedAt", 4);

        assertThat(request.getInteger("size")).isZero();
        assertThat(request.getJsonObject("query").encode())
                .contains(
                        "\"publishedAt\":{\"gte\":\"2026-01-01T10:00:00Z\",\"lte\":\"2026-01-01T13:10:00Z\"}");
        JsonObject aggs = request.getJsonObject("aggs");
        assertThat(aggs.getJsonObject("sources").getJsonObject("terms"))
                .isEqualTo(new JsonObject().put("field", "source").put("size", 4));
        assertThat(aggs.getJsonObject("topics").getJsonObject("terms").getString("field"))
                .isEqualTo("keywords");
        assertThat(
                        aggs.getJsonObject("all")
                                .getJsonObject("date_histogram")
                                .getString("fixed_interval"))
                .isEqualTo("3600000ms");
    }

    @Test
    void everySeriesGetsOneCountPerBucketWithZerosFilledIn() {
        long ten = Instant.parse("2026-01-01T10:00:00Z").toEpochMilli();
        long twelve = Instant.parse("2026-01-01T12:00:00Z").toEpochMilli();
        JsonObject histogram = histogram(ten, 2, twelve, 1);
        JsonObject answer =
                new JsonObject()
                        .put(
                                "aggregations",
                                new JsonObject()
                                        .put("all", histogram)
                                        .put("sources", terms("north.example", 3, histogram))
                                        .put(
                                                "topics",
                                                terms(
                                                        "flood barrier",
                                                        3,
                                                        histogram(twelve, 1, ten, 2))));

        JsonObject volume = VolumeQueries.response(AXIS, answer);

        assertThat(volume.getJsonArray("buckets"))
                .containsExactly(
                        "2026-01-01T10:00:00Z",
                        "2026-01-01T11:00:00Z",
                        "2026-01-01T12:00:00Z",
                        "2026-01-01T13:00:00Z");
        assertThat(volume.getJsonArray("total")).containsExactly(2L, 0L, 1L, 0L);
        JsonObject source = volume.getJsonArray("bySource").getJsonObject(0);
        assertThat(source.getString("key")).isEqualTo("north.example");
        assertThat(source.getLong("articles")).isEqualTo(3);
        assertThat(source.getJsonArray("counts")).containsExactly(2L, 0L, 1L, 0L);
        assertThat(volume.getJsonArray("byTopic").getJsonObject(0).getJsonArray("counts"))
                .containsExactly(2L, 0L, 1L, 0L);
    }

    @Test
    void anEmptyAnswerGivesZerosAndNoSeries() {
        JsonObject volume = VolumeQueries.response(AXIS, new JsonObject());

        assertThat(volume.getJsonArray("total")).containsExactly(0L, 0L, 0L, 0L);
        assertThat(volume.getJsonArray("bySource")).isEmpty();
        assertThat(volume.getJsonArray("byTopic")).isEmpty();
    }

    private static JsonObject histogram(long t1, long n1, long t2, long n2) {
        return new JsonObject()
                .put(
                        "buckets",
                        new JsonArray()
                                .add(new JsonObject().put("key", t1).put("doc_count", n1))
                                .add(new JsonObject().put("key", t2).put("doc_count", n2)));
    }

    private static JsonObject terms(String key, long count, JsonObject overTime) {
        return new JsonObject()
                .put(
                        "buckets",
                        new JsonArray()
                                .add(
                                        new JsonObject()
                                                .put("key", key)
                                                .put("doc_count", count)
                                                .put("over_time", overTime)));
    }
}
