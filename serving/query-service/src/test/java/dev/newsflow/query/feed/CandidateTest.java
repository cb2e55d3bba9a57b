package dev.newsflow.query.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CandidateTest {

    @Test
    void theEmbeddingComesFromTheDocValueBytes() {
        JsonObject hit =
                new JsonObject()
                        .put("_id", "a1")
                        .put(
                                "_source",
                                new JsonObject()
                                        .put("title", "Flood barrier vote")
                                        .put("importance", 0.4)
                                        .put("publishedAt", "2026-12-07T10:00:00Z"))
                        // 1.0f and -2.0f as float32 little-endian, base64
                        .put(
                                "fields",
                                new JsonObject()
                                        .put(
                                                "embeddingBytes",
                                                new JsonArray().add("AACAPwAAAMA=")));

        Candidate c = Candidate.fromHit(hit);

        assertThat(c.id()).isEqualTo("a1");
        assertThat(c.title()).isEqualTo("Flood barrier vote");
        assertThat(c.publishedAt()).isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));
        assertThat(c.embedding()).containsExactly(1.0f, -2.0f);
    }

    @Test
    void anEmbeddingInTheSourceIsReadWhenThereAreNoBytes() {
        JsonObject hit =
                new JsonObject()
                        .put("_id", "a2")
                        .put(
                                "_source",
                                new JsonObject()
                                        .put("embedding", new JsonArray().add(0.6).add(0.8)));

        assertThat(Candidate.fromHit(hit).embedding()).containsExactly(0.6f, 0.8f);
    }

    @Test
    void withoutEitherThereIsNoEmbedding() {
        JsonObject hit = new JsonObject().put("_id", "a3").put("_source", new JsonObject());

        assertThat(Candidate.fromHit(hit).embedding()).isNull();
    }
}
