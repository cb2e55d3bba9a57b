package dev.newsflow.jobs.testing;

import dev.newsflow.schemas.EnrichedArticle;
import java.time.Instant;
import java.util.List;

/** Extracted articles, as the inference step receives them (no embedding, no summary yet). */
public final class Articles {

    private Articles() {}

    public static EnrichedArticle extracted(int n) {
        Instant at = Instant.parse("2025-01-01T00:00:00Z");
        return EnrichedArticle.newBuilder()
                .setId("article-" + n)
                .setUrl("https://a.example/story-" + n)
                .setSource("a.example")
                .setTitle("Story " + n)
                .setText("First sentence of story " + n + ". Second sentence.")
                .setEmbedding(List.of())
                .setEmbeddingModel("")
                .setFetchedAt(at)
                .setEnrichedAt(at)
                .build();
    }
}
