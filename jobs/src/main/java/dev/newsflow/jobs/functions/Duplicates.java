package dev.newsflow.jobs.functions;

import dev.newsflow.schemas.DuplicateArticle;
import dev.newsflow.schemas.DuplicateKind;
import dev.newsflow.schemas.EnrichedArticle;
import java.time.Clock;
import org.apache.flink.util.OutputTag;

/**
 * Builds {@link DuplicateArticle}s: the outcome of a crawl event dropped because its article was
 * already seen. With {@link DeadLetters} and the enriched articles, every crawl event ends in
 * exactly one of the three outcomes.
 */
public final class Duplicates {

    /** Side output every dedup stage of the enrichment job sends the duplicates it drops to. */
    public static final OutputTag<DuplicateArticle> TAG = new OutputTag<>("duplicates") {};

    private Duplicates() {}

    /** {@code article} dropped as a duplicate of {@code originalId}. */
    public static DuplicateArticle of(
            EnrichedArticle article,
            String originalId,
            DuplicateKind kind,
            double similarity,
            Clock clock) {
        return DuplicateArticle.newBuilder()
                .setEventId(String.valueOf(article.getCrawlEventId()))
                .setArticleId(article.getId())
                .setUrl(article.getUrl())
                .setSource(article.getSource())
                .setTitle(article.getTitle())
                .setDuplicateOf(originalId)
                .setKind(kind)
                .setSimilarity(similarity)
                .setDetectedAt(clock.instant())
                .build();
    }
}
