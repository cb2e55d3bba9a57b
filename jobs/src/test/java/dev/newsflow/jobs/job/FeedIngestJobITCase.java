package dev.newsflow.jobs.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.jobs.config.FeedIngestConfig;
import dev.newsflow.jobs.functions.ingest.HttpFeedPoller;
import dev.newsflow.jobs.functions.ingest.HttpPageFetcher;
import dev.newsflow.jobs.testing.FeedServer;
import dev.newsflow.jobs.testing.LocalFeeds;
import dev.newsflow.jobs.testing.ServedCrawl;
import dev.newsflow.schemas.CrawlEvent;
import dev.newsflow.schemas.FeedAction;
import dev.newsflow.schemas.FeedCommand;
import dev.newsflow.schemas.FeedHealth;
import dev.newsflow.schemas.PollOutcome;
import dev.newsflow.schemas.kafka.Topics;
import dev.newsflow.testkit.RealServices;
import dev.newsflow.testkit.flink.FlinkTestCluster;
import dev.newsflow.testkit.kafka.KafkaBroker;
import dev.newsflow.testkit.kafka.TopicReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feed ingestion job end to end: feeds and pages from a local HTTP server (ETag/304, 429 with
 * Retry-After, a redirect, gzip, a missing page, a feed that turns into something else) → Flink
 * (parallelism 2, RocksDB, checkpoints) → Kafka {@code news.crawl} and {@code feeds.health}
 * (transactional), with a feed added through {@code feeds.control} while the job runs.
 */
@ExtendWith(RealServices.class)
class FeedIngestJobITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

    private static final Duration WAIT = Duration.ofMinutes(3);

    @Test
    void pollsFeedsIntoNewsCrawlAndReportsTheirHealth(KafkaBroker kafka, @TempDir Path dir)
            throws Exception {
        try (FeedServer server = FeedServer.start()) {
            // Given: four feeds on a local server, and a fifth one not yet subscribed
            LocalFeeds.serve(server);
            Path feedList = dir.resolve("feeds.txt");
            Files.writeString(
                    feedList,
                    String.join(
                            "\n",
                            "# local test feeds",
                            server.url(LocalFeeds.NEWS) + "\tLocal News",
                            server.url(LocalFeeds.BUSY),
                            server.url(LocalFeeds.BLOG),
                            server.url(LocalFeeds.FLAKY)));
            FeedIngestConfig config =
                    FeedIngestConfig.fromEnv(
                            Map.of(
                                    FeedIngestConfig.KAFKA_BOOTSTRAP, kafka.bootstrapServers(),
                                    FeedIngestConfig.FEEDS_FILE, feedList.toString(),
                                    FeedIngestConfig.MIN_INTERVAL_MS, "300",
                                    FeedIngestConfig.MAX_INTERVAL_MS, "1000",
                                    FeedIngestConfig.HOST_DELAY_MS, "20",
                                    FeedIngestConfig.CONTROL_POLL_MS, "200",
                                    FeedIngestConfig.ALLOW_LOOPBACK, "true"));

            // When: the job runs
            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.getExecutionEnvironment(
                            FlinkTestCluster.configuration(dir.resolve("checkpoints")));
            env.setParallelism(FlinkTestCluster.PARALLELISM);
            FeedIngestJob.defineWorkflow(
                    env,
                    FeedIngestJob.feedSource(config, HttpFeedPoller.factory(config.fetchPolicy())),
                    FeedIngestSinks.production(config),
                    config,
                    HttpPageFetcher.factory(config.fetchPolicy()));
            JobClient job = env.executeAsync(FeedIngestJob.NAME);
            try {
                // Then: every item of the four feeds arrives, once, with its page or its text
                List<String> initial = LocalFeeds.initialPages(server);
                assertThat(urls(readCrawl(kafka, server, initial.size())))
                        .containsExactlyInAnyOrderElementsOf(initial);

                // When: a feed is added at run time
                subscribe(kafka.bootstrapServers(), server.url(LocalFeeds.LATE));

                // Then: its item arrives too, and nothing arrived twice
                List<CrawlEvent> all = readCrawl(kafka, server, initial.size() + 1);
                assertThat(urls(all)).contains(server.url("/pages/l1"));
                assertThat(ServedCrawl.committed(kafka.bootstrapServers(), server))
                        .hasSize(initial.size() + 1);
                LocalFeeds.assertContent(server, all);

                // And: the feed that turned into something else is reported with the reason,
                // while the others went on being polled
                List<FeedHealth> health =
                        awaitHealth(
                                kafka,
                                h ->
                                        h.stream().anyMatch(LocalFeeds.rejected(server))
                                                && h.stream()
                                                        .anyMatch(LocalFeeds.notModified(server)));
                FeedHealth rejected =
                        health.stream()
                                .filter(LocalFeeds.rejected(server))
                                .findFirst()
                                .orElseThrow();
                assertThat(rejected.getLastError())
                        .isEqualTo("not a feed: unknown root element <catalog>");
                assertThat(rejected.getLastSuccessAt()).isNotNull();
                assertThat(health)
                        .filteredOn(h -> h.getFeedUrl().equals(server.url(LocalFeeds.NEWS)))
                        .extracting(FeedHealth::getCheckedAt)
                        .anyMatch(t -> t.isAfter(rejected.getCheckedAt()));
                assertThat(health)
                        .filteredOn(h -> h.getFeedUrl().equals(server.url(LocalFeeds.BUSY)))
                        .extracting(FeedHealth::getOutcome)
                        .startsWith(PollOutcome.THROTTLED)
                        .contains(PollOutcome.NEW_ITEMS);
                assertThat(server.statuses(LocalFeeds.NEWS)).startsWith(200, 200).contains(304);
            } finally {
                job.cancel().get();
            }
        }
    }

    /** This test's crawl events: FeedIngestRestartITCase writes to the same topic. */
    private static List<CrawlEvent> readCrawl(KafkaBroker kafka, FeedServer server, int expected) {
        return ServedCrawl.await(kafka.bootstrapServers(), server, expected, WAIT);
    }

    private static List<String> urls(List<CrawlEvent> events) {
        return ServedCrawl.urls(events);
    }

    /** Re-reads feeds.health until {@code done} holds (or WAIT passes). */
    private static List<FeedHealth> awaitHealth(
            KafkaBroker kafka, Predicate<List<FeedHealth>> done) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<FeedHealth> health;
        do {
            health =
                    TopicReader.readCommitted(
                            kafka.bootstrapServers(),
                            Topics.FEED_HEALTH,
                            Integer.MAX_VALUE,
                            Duration.ofSeconds(2));
        } while (!done.test(health) && System.nanoTime() < deadline);
        return health;
    }

    private static void subscribe(String bootstrap, String feedUrl) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, FeedCommand> producer =
                new KafkaProducer<>(
                        props,
                        Topics.FEED_CONTROL.keySerde().serializer(),
                        Topics.FEED_CONTROL.valueSerde().serializer())) {
            FeedCommand add =
                    FeedCommand.newBuilder()
                            .setFeedUrl(feedUrl)
                            .setAction(FeedAction.ADD)
                            .setSource("Late Edition")
                            .setIssuedAt(Instant.now())
                            .build();
            producer.send(new ProducerRecord<>(Topics.FEED_CONTROL.name(), feedUrl, add)).get();
        }
    }
}
