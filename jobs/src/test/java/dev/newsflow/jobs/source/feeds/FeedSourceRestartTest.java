package dev.newsflow.jobs.source.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.jobs.functions.ingest.FeedEvent;
import dev.newsflow.jobs.functions.ingest.FeedSeed;
import dev.newsflow.jobs.functions.ingest.PollSchedule;
import dev.newsflow.jobs.testing.FailOnceAfterCheckpoint;
import dev.newsflow.jobs.testing.FeedDocuments;
import dev.newsflow.jobs.testing.ScriptedFeeds;
import dev.newsflow.jobs.testing.TransactionalCollectingSink;
import dev.newsflow.testkit.flink.FlinkTestCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feed source on a MiniCluster (parallelism 2, RocksDB, checkpoints) through a failure and a
 * restore from the last completed checkpoint. The output is read as a transactional consumer would:
 * only what belongs to completed checkpoints. Every item must be there exactly once.
 */
class FeedSourceRestartTest {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

    /** How long to wait for output before the assertions show what is missing. */
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private static final int ITEMS_PER_FEED = 12;
    private static final List<String> HOSTS =
            List.of("a.example", "b.example", "c.example", "d.example");

    @Test
    void aRestoreFromACheckpointNeitherReEmitsNorLosesItems(@TempDir Path checkpoints)
            throws Exception {
        // Given: four feeds on four hosts, spread over both readers, each publishing one item per
        // poll
        assertThat(HOSTS.stream().map(h -> FeedAssignment.ownerOf("https://" + h, 2)).distinct())
                .hasSize(2);
        ScriptedFeeds feeds = new ScriptedFeeds();
        List<FeedSeed> seeds = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (String host : HOSTS) {
            String base = "https://" + host;
            feeds.feed(base + "/rss", FeedDocuments.growing(base, ITEMS_PER_FEED));
            seeds.add(FeedSeed.of(base + "/rss", null));
            for (int n = 1; n <= ITEMS_PER_FEED; n++) {
                expected.add(base + "/story-" + n);
            }
        }
        FeedSource source =
                new FeedSource(
                        seeds,
                        null,
                        new FeedSourceSettings(
                                new PollSchedule(Duration.ofMillis(100), Duration.ofMillis(300)),
                                100,
                                2,
                                Duration.ZERO,
                                Duration.ofSeconds(1)),
                        feeds.pollers());
        String failure = UUID.randomUUID().toString();
        TransactionalCollectingSink<FeedEvent> sink = new TransactionalCollectingSink<>();

        Configuration config = FlinkTestCluster.configuration(checkpoints);
        config.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(200));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(FlinkTestCluster.PARALLELISM);
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "feeds")
                .uid("feeds")
                .map(new FailOnceAfterCheckpoint(failure))
                .uid("fail-once")
                .name("fail once after a checkpoint")
                .sinkTo(sink)
                .uid("transactional-sink")
                .name("transactional sink");

        // When: the job fails once mid-stream, is restored, and runs until every item is committed
        JobClient job = env.executeAsync("feed-source-restart-test");
        try {
            awaitUntil(
                    () ->
                            FailOnceAfterCheckpoint.failed(failure)
                                    && links(sink).size() >= expected.size());
            int commits = sink.commits();
            // Two more checkpoints per subtask: a late duplicate would have been committed by now.
            awaitUntil(() -> sink.commits() >= commits + 2 * FlinkTestCluster.PARALLELISM);
        } finally {
            job.cancel().get();
        }

        // Then: the failure happened, and each item was committed exactly once
        assertThat(FailOnceAfterCheckpoint.failed(failure)).isTrue();
        assertThat(links(sink)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(sink.committed())
                .filteredOn(e -> !e.isItem())
                .extracting(e -> e.health().getFeedUrl())
                .containsAll(seeds.stream().map(FeedSeed::feedUrl).toList());
    }

    private static List<String> links(TransactionalCollectingSink<FeedEvent> sink) {
        return sink.committed().stream()
                .filter(FeedEvent::isItem)
                .map(e -> e.item().link())
                .toList();
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}
