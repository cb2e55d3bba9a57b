package dev.newsflow.cli.stack;

import dev.newsflow.schemas.DeadLetter;
import dev.newsflow.schemas.DuplicateArticle;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.FeedHealth;
import dev.newsflow.schemas.kafka.Topics;
import java.time.Duration;

/**
 * What the local stack shows while it runs: enrichment progress (from {@code news.enriched}), each
 * dead letter with its reason (from {@code news.dlq}) and each feed poll's outcome (from {@code
 * feeds.health}), all counted from the moment the stack started.
 */
final class PipelineWatch implements AutoCloseable {

    private final TopicWatcher<EnrichedArticle> enriched;
    private final TopicWatcher<DuplicateArticle> duplicates;
    private final TopicWatcher<DeadLetter> deadLetters;
    private final TopicWatcher<FeedHealth> feedHealth;

    private PipelineWatch(
            TopicWatcher<EnrichedArticle> enriched,
            TopicWatcher<DuplicateArticle> duplicates,
            TopicWatcher<DeadLetter> deadLetters,
            TopicWatcher<FeedHealth> feedHealth) {
        this.enriched = enriched;
        this.duplicates = duplicates;
        this.deadLetters = deadLetters;
        this.feedHealth = feedHealth;
    }

    static PipelineWatch start(String bootstrapServers, Progress progress) {
        return new PipelineWatch(
                new TopicWatcher<>(bootstrapServers, Topics.ENRICHED, a -> {}),
                new TopicWatcher<>(
                        bootstrapServers,
                        Topics.DUPLICATES,
                        d ->
                                progress.note(
                                        "duplicate ("
                                                + d.getKind()
                                                + "): "
                                                + d.getUrl()
                                                + " repeats "
                                                + d.getDuplicateOf())),
                new TopicWatcher<>(
                        bootstrapServers,
                        Topics.DLQ,
                        d ->
                                progress.note(
                                        "dead-lettered at " + d.getStage() + ": " + d.getReason())),
                new TopicWatcher<>(
                        bootstrapServers, Topics.FEED_HEALTH, h -> progress.note(describe(h))));
    }

    static String describe(FeedHealth h) {
        return String.format(
                "feed %s: %s, %d new%s",
                h.getFeedUrl(),
                h.getOutcome(),
                h.getNewItems(),
                h.getLastError() == null ? "" : " (" + h.getLastError() + ")");
    }

    /**
     * Waits until {@code published} more events have been enriched, dropped as duplicates or
     * dead-lettered, reporting progress; returns false if that takes longer than {@code timeout}.
     */
    boolean awaitProcessed(long published, Duration timeout, Progress progress)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastReported = -1;
        while (System.nanoTime() < deadline) {
            long done = enriched.count() + duplicates.count() + deadLetters.count();
            if (done != lastReported) {
                progress.note(
                        String.format(
                                "%d of %d processed: %d enriched, %d dropped as duplicate, %d"
                                        + " dead-lettered",
                                Math.min(done, published),
                                published,
                                enriched.count(),
                                duplicates.count(),
                                deadLetters.count()));
                lastReported = done;
            }
            if (done >= published) {
                return true;
            }
            Thread.sleep(1_000);
        }
        return false;
    }

    @Override
    public void close() throws InterruptedException {
        feedHealth.close();
        deadLetters.close();
        duplicates.close();
        enriched.close();
    }
}
