package dev.newsflow.jobs.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.jobs.config.FeedIngestConfig;
import dev.newsflow.jobs.functions.fetch.FetchPolicy;
import dev.newsflow.jobs.functions.ingest.HttpFeedPoller;
import dev.newsflow.jobs.functions.ingest.HttpPageFetcher;
import dev.newsflow.jobs.testing.FeedServer;
import dev.newsflow.jobs.testing.RestartFeeds;
import dev.newsflow.jobs.testing.RetainedCheckpoints;
import dev.newsflow.jobs.testing.ServedCrawl;
import dev.newsflow.schemas.CrawlEvent;
import dev.newsflow.testkit.RealServices;
import dev.newsflow.testkit.flink.FlinkTestCluster;
import dev.newsflow.testkit.kafka.KafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feed ingestion job stopped and restarted from its last retained checkpoint, against a local
 * feed server and real Kafka: the items published before the stop, those published while the job
 * was down, and those whose commit was still pending at the stop must each be in {@code news.crawl}
 * exactly once (read_committed). A restart that lost the feed state would re-emit the old items;
 * one that lost the sink's pending transactions would miss some.
 */
@ExtendWith(RealServices.class)
class FeedIngestRestartITCase {

    private static final Logger LOG = LoggerFactory.getLogger(FeedIngestRestartITCase.class);

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

    private static final Duration WAIT = Duration.ofMinutes(3);

    /** Feeds and pages: a slow route's first answer comes after this, a second time longer. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);

    @Test
    void aRestartFromTheLastCheckpointNeitherDuplicatesNorLosesItems(
            KafkaBroker kafka, @TempDir Path dir) throws Exception {
        try (FeedServer server = FeedServer.start()) {
            // Given: five feeds on a local server, first edition
            RestartFeeds feeds = RestartFeeds.serve(server, READ_TIMEOUT.multipliedBy(3));
            Path feedList = dir.resolve("feeds.txt");
            Files.writeString(feedList, String.join("\n", feeds.feedUrls()));
            FeedIngestConfig config = config(kafka, feedList);
            Path checkpoints = dir.resolve("checkpoints");

            // When: the job runs until the first edition is committed, and is cancelled
            JobClient first = start(config, checkpoints, Optional.empty());
            Path checkpoint;
            try {
                assertThat(
                                ServedCrawl.urls(
                                        ServedCrawl.await(
                                                kafka.bootstrapServers(),
                                                server,
                                                feeds.firstPages().size(),
                                                WAIT)))
                        .as("first edition committed before the stop")
                        .containsExactlyInAnyOrderElementsOf(feeds.firstPages());
            } finally {
                first.cancel().get();
            }
            checkpoint =
                    RetainedCheckpoints.latest(checkpoints.resolve(first.getJobID().toString()))
                            .orElseThrow(
                                    () ->
                                            new AssertionError(
                                                    "no completed checkpoint retained under "
                                                            + checkpoints));
            LOG.info("first run cancelled; restarting from {}", checkpoint);

            // And: the feeds publish new items while the job is down
            feeds.publishSecondEdition();
            List<CrawlEvent> beforeRestart =
                    ServedCrawl.committed(kafka.bootstrapServers(), server);

            // And: the job is restarted from the retained checkpoint
            List<String> expected =
                    Stream.concat(feeds.firstPages().stream(), feeds.secondPages().stream())
                            .toList();
            JobClient second = start(config, checkpoints, Optional.of(checkpoint));
            List<CrawlEvent> all;
            try {
                ServedCrawl.await(kafka.bootstrapServers(), server, expected.size(), WAIT);
                // Two more checkpoints: a late duplicate would have been committed by then.
                Path secondRun = checkpoints.resolve(second.getJobID().toString());
                RetainedCheckpoints.await(
                        secondRun, RetainedCheckpoints.latestNumber(secondRun) + 2, WAIT);
                all = ServedCrawl.committed(kafka.bootstrapServers(), server);
            } finally {
                second.cancel().get();
            }

            // Then: every item exactly once, none missing, the new ones only after the restart
            Map<String, Long> counts =
                    ServedCrawl.urls(all).stream()
                            .collect(
                                    Collectors.groupingBy(
                                            Function.identity(), Collectors.counting()));
            List<String> duplicated =
                    counts.entrySet().stream()
                            .filter(e -> e.getValue() > 1)
                            .map(Map.Entry::getKey)
                            .toList();
            List<String> missing = expected.stream().filter(u -> !counts.containsKey(u)).toList();
            // Printed, not logged: the counts belong in the test report, whatever the log level.
            System.out.printf(
                    "FeedIngestRestartITCase: %d items published (%d before the stop, %d while down),"
                            + " %d committed before the restart, %d committed in all,"
                            + " %d duplicated %s, %d missing %s%n",
                    expected.size(),
                    feeds.firstPages().size(),
                    feeds.secondPages().size(),
                    beforeRestart.size(),
                    all.size(),
                    duplicated.size(),
                    duplicated,
                    missing.size(),
                    missing);
            assertThat(duplicated).as("items committed more than once").isEmpty();
            assertThat(missing).as("items never committed").isEmpty();
            assertThat(ServedCrawl.urls(all)).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(ServedCrawl.urls(beforeRestart))
                    .as("committed before the restart")
                    .doesNotContainAnyElementsOf(feeds.secondPages());

            // And: the restarted job asked with the validator it had checkpointed
            assertThat(feeds.dailyValidatorsInSecondEdition())
                    .first()
                    .isEqualTo(RestartFeeds.firstDailyEtag());
            // And: the throttled feed was polled again after its Retry-After, the slow feed and
            // page again after the client gave up on their first answer
            assertThat(server.statuses(RestartFeeds.WIRE)).startsWith(429).contains(200);
            assertThat(server.statuses(RestartFeeds.SLOW)).hasSizeGreaterThan(1);
            assertThat(server.statuses("/pages/s1")).hasSizeGreaterThan(1);
            // And: the slow pages were fetched on a retry, not replaced by the feed's text
            assertThat(all)
                    .filteredOn(e -> e.getUrl().contains("/pages/s"))
                    .hasSize(2)
                    .allSatisfy(e -> assertThat(e.getHtml()).contains("Text of s"));
        }
    }

    private static FeedIngestConfig config(KafkaBroker kafka, Path feedList) {
        return FeedIngestConfig.fromEnv(
                Map.of(
                        FeedIngestConfig.KAFKA_BOOTSTRAP, kafka.bootstrapServers(),
                        FeedIngestConfig.FEEDS_FILE, feedList.toString(),
                        FeedIngestConfig.MIN_INTERVAL_MS, "300",
                        FeedIngestConfig.MAX_INTERVAL_MS, "1000",
                        FeedIngestConfig.HOST_DELAY_MS, "20",
                        FeedIngestConfig.CONTROL_POLL_MS, "200",
                        // Not FeedIngestJobITCase's: its transactions are none of this job's.
                        FeedIngestConfig.TRANSACTIONAL_ID_PREFIX, "newsflow-ingest-restart",
                        FeedIngestConfig.ALLOW_LOOPBACK, "true"));
    }

    /** Runs the job, from {@code restoreFrom} if given; both runs have the same graph and uids. */
    private static JobClient start(
            FeedIngestConfig config, Path checkpoints, Optional<Path> restoreFrom)
            throws Exception {
        Configuration flink = FlinkTestCluster.configuration(checkpoints);
        restoreFrom.ifPresent(
                p -> flink.set(StateRecoveryOptions.SAVEPOINT_PATH, p.toUri().toString()));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
        env.setParallelism(FlinkTestCluster.PARALLELISM);
        FetchPolicy policy = config.fetchPolicy().toBuilder().readTimeout(READ_TIMEOUT).build();
        FeedIngestJob.defineWorkflow(
                env,
                FeedIngestJob.feedSource(config, HttpFeedPoller.factory(policy)),
                FeedIngestSinks.production(config),
                config,
                HttpPageFetcher.factory(policy));
        return env.executeAsync(FeedIngestJob.NAME);
    }
}
