package dev.newsflow.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class OpenSearchQueriesTest {

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
                                 "_source": {"excludes": ["embedding", "embeddingBytes"]},
                                 "query": {"term": {"id": {"value": "a1b2"}}}}
                                """));
    }
}
