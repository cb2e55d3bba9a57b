package dev.newsflow.jobs.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.jobs.config.FeedIngestConfig;
import dev.newsflow.jobs.functions.ingest.FeedResponse;
import dev.newsflow.jobs.functions.ingest.FeedSeed;
import dev.newsflow.jobs.functions.ingest.PageResponse;
import dev.newsflow.jobs.source.feeds.FeedSource;
import dev.newsflow.jobs.testing.CollectingSink;
import dev.newsflow.jobs.testing.FeedDocuments;
import dev.newsflow.jobs.testing.ScriptedFeeds;
import dev.newsflow.jobs.testing.ScriptedPages;
import dev.newsflow.schemas.CrawlEvent;
import dev.newsflow.schemas.FeedHealth;
import dev.newsflow.schemas.PollOutcome;
import dev.newsflow.testkit.flink.FlinkTestCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ingestion workflow on a MiniCluster at parallelism 2 with scripted feeds and pages and
 * collecting sinks: every new item becomes one crawl event (with its page, or the feed's text when
 * the page cannot be had), and every poll becomes feed health, a broken feed included.
 */
class FeedIngestWorkflowTest {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final String NEWS = "https://news.example";
    private static final String BLOG = "https://blog.example";
    private static final String BROKEN = "https://broken.example/rss";

    @Test
    void newItemsBecomeCrawlEventsAndEveryPollBecomesFeedHealth() throws Exception {
        // Given: two feeds with three and two items, and a feed that cannot be parsed
        ScriptedFeeds feeds =
                new ScriptedFeeds()
                        .feed(NEWS + "/rss", FeedDocuments.growing(NEWS, 3))
                        .feed(BLOG + "/atom", (poll, request) -> FeedDocuments.document(BLOG, 2))
                        .feed(
                                BROKEN,
                                (poll, request) ->
                                        new FeedResponse.Rejected("not a feed: unexpected <html>"));
        ScriptedPages pages =
                new ScriptedPages()
                        .html(NEWS + "/story-1", "News one")
                        .html(NEWS + "/story-2", "News two")
                        .html(NEWS + "/story-3", "News three")
                        .html(BLOG + "/story-1", "Blog one")
                        .page(BLOG + "/story-2", new PageResponse.Failed("HTTP 404"));
        FeedIngestConfig config =
                FeedIngestConfig.fromEnv(
                        Map.of(
                                FeedIngestConfig.MIN_INTERVAL_MS, "100",
                                FeedIngestConfig.MAX_INTERVAL_MS, "300",
                                FeedIngestConfig.HOST_DELAY_MS, "5"));
        FeedSource source =
                new FeedSource(
                        List.of(
                                FeedSeed.of(NEWS + "/rss", "News Example"),
                                FeedSeed.of(BLOG + "/atom", null),
                                FeedSeed.of(BROKEN, null)),
                        null,
                        config.sourceSettings(),
                        feeds.pollers());
        CollectingSink<CrawlEvent> crawl = new CollectingSink<>();
        CollectingSink<FeedHealth> health = new CollectingSink<>();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(FlinkTestCluster.PARALLELISM);

        // When
        FeedIngestJob.defineWorkflow(
                env, source, new FeedIngestSinks(crawl, health), config, pages.fetchers());
        JobClient job = env.executeAsync("feed-ingest-workflow-test");
        try {
            awaitUntil(
                    () ->
                            crawl.results().size() >= 5
                                    && health.results().stream()
                                                    .filter(h -> h.getFeedUrl().equals(BROKEN))
                                                    .count()
                                            >= 2
                                    && feeds.polls(NEWS + "/rss") >= 4);
        } finally {
            job.cancel().get();
        }

        // Then: five crawl events, one per item, with the page or the feed's text
        assertThat(crawl.results())
                .extracting(CrawlEvent::getUrl)
                .containsExactlyInAnyOrder(
                        NEWS + "/story-1",
                        NEWS + "/story-2",
                        NEWS + "/story-3",
                        BLOG + "/story-1",
                        BLOG + "/story-2");
        assertThat(crawl.results())
                .filteredOn(e -> e.getUrl().startsWith(NEWS))
                .allSatisfy(
                        e -> {
                            assertThat(e.getHtml()).contains("<article>");
                            assertThat(e.getSource()).isEqualTo("News Example");
                            assertThat(e.getFeedUrl()).isEqualTo(NEWS + "/rss");
                        });
        assertThat(crawl.results())
                .filteredOn(e -> e.getUrl().equals(BLOG + "/story-2"))
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.getHtml()).isNull();
                            assertThat(e.getText()).isEqualTo("Summary of story 2");
                            assertThat(e.getSource()).isEqualTo("blog.example");
                        });

        // And: the broken feed is reported with its reason, failing again and again, while the
        // others keep being polled (the news feed went on to 304s)
        assertThat(health.results())
                .filteredOn(h -> h.getFeedUrl().equals(BROKEN))
                .allSatisfy(
                        h -> {
                            assertThat(h.getOutcome()).isEqualTo(PollOutcome.REJECTED);
                            assertThat(h.getLastError()).isEqualTo("not a feed: unexpected <html>");
                            assertThat(h.getLastSuccessAt()).isNull();
                        })
                .extracting(FeedHealth::getConsecutiveFailures)
                .contains(1, 2);
        assertThat(health.results())
                .filteredOn(h -> h.getFeedUrl().equals(NEWS + "/rss"))
                .extracting(FeedHealth::getOutcome)
                .contains(PollOutcome.NEW_ITEMS, PollOutcome.NOT_MODIFIED);
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}
