package dev.newsflow.jobs.functions.inference;

import dev.newsflow.schemas.DeadLetter;
import dev.newsflow.schemas.EnrichedArticle;
import java.util.Objects;

/**
 * What the inference step emits per article: the enriched article or, where inference failed for
 * good, its dead letter. An async function has no side outputs, so {@link SplitEnrichments} splits
 * this stream right after it. A Flink POJO (public fields, no-arg constructor), so that both Avro
 * records keep Flink's Avro serializer.
 */
public class Enrichment {

    public EnrichedArticle article;
    public DeadLetter deadLetter;

    public Enrichment() {}

    public static Enrichment enriched(EnrichedArticle article) {
        Enrichment e = new Enrichment();
        e.article = Objects.requireNonNull(article);
        return e;
    }

    public static Enrichment deadLettered(DeadLetter deadLetter) {
        Enrichment e = new Enrichment();
        e.deadLetter = Objects.requireNonNull(deadLetter);
        return e;
    }

    @Override
    public String toString() {
        return article != null
                ? "enriched " + article.getId()
                : "dead letter: " + (deadLetter == null ? "none" : deadLetter.getReason());
    }
}
