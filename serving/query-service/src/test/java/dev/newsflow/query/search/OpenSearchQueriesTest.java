package dev.newsflow.query.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class OpenSearchQueriesTest {

    @Test
    void knnQueryAsksForKNearestOnTheEmbeddingWithoutReturningIt() {
        // Given
        float[] vector = {0.6f, -0.8f, 0.0f};

        // When
        JsonObject body = OpenSearchQueries.knn(vector, 5);

        // Then
        assertThat(body.getInteger("size")).isEqualTo(5);
        JsonObject knn =
                body.getJsonObject("query").getJsonObject("knn").getJsonObject("embedding");
        assertThat(knn.getInteger("k")).isEqualTo(5);
        assertThat(knn.getJsonArray("vector").getList()).containsExactly(0.6f, -0.8f, 0.0f);
        assertThat(body.getJsonObject("_source").getJsonArray("excludes"))
                .isEqualTo(new JsonArray().add("embedding"));
    }

    @Test
    void knnQuerySurvivesAJsonRoundTrip() {
        // When
        JsonObject decoded = new JsonObject(OpenSearchQueries.knn(new float[] {0.25f}, 1).encode());

        // Then
        assertThat(
                        decoded.getJsonObject("query")
                                .getJsonObject("knn")
                                .getJsonObject("embedding")
                                .getJsonArray("vector")
                                .getDouble(0))
                .isEqualTo(0.25);
    }

    @Test
    void knnQueryRefusesEmptyVectorsAndNonPositiveK() {
        assertThatThrownBy(() -> OpenSearchQueries.knn(new float[0], 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OpenSearchQueries.knn(new float[] {1f}, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void byIdIsATermQueryOnTheIdFieldWithoutEmbedding() {
        // When
        JsonObject body = OpenSearchQueries.byId("a1b2");

        // Then
        assertThat(body)
                .isEqualTo(
                        new JsonObject(
                                """
                                {"size": 1,
                                 "_source": {"excludes": ["embedding"]},
                                 "query": {"term": {"id": {"value": "a1b2"}}}}
                                """));
    }
}
