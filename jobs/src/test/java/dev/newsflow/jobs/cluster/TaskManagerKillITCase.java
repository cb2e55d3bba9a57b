package dev.newsflow.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.inference.server.InferenceServer;
import dev.newsflow.inference.server.InferenceServerConfig;
import dev.newsflow.jobs.config.EnrichmentConfig;
import dev.newsflow.jobs.config.InferenceConfig;
import dev.newsflow.jobs.job.EnrichmentJob;
import dev.newsflow.jobs.testing.ArticleIndex;
import dev.newsflow.jobs.testing.CrawlEvents;
import dev.newsflow.jobs.testing.DistinctArticles;
import dev.newsflow.jobs.testing.ExactlyOnceCounts;
import dev.newsflow.schemas.CrawlEvent;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.kafka.Topics;
import dev.newsflow.testkit.RealServices;
import dev.newsflow.testkit.flink.FlinkRestClient;
import dev.newsflow.testkit.flink.FlinkStandaloneCluster;
import dev.newsflow.testkit.kafka.KafkaBroker;
import dev.newsflow.testkit.kafka.TopicReader;
import dev.newsflow.testkit.opensearch.OpenSearchNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.flink.configuration.CoreOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The enrichment job's shaded jar on a real standalone Flink cluster — a JobManager and two
 * TaskManagers, each its own JVM — submitted over the REST API, reading real Kafka and writing real
 * OpenSearch and an exactly-once Kafka sink, checkpointing (RocksDB, incremental) every second into
 * a directory all processes share. Mid-stream, one TaskManager that runs the job is killed with
 * SIGKILL; the job must restore its last checkpoint on the surviving TaskManager (two slots, enough
 * for parallelism 2) and finish with every article exactly once in {@code news.enriched}
 * (read_committed) and in OpenSearch.
 */
@ExtendWith(RealServices.class)
class TaskManagerKillITCase {

    private static final int ARTICLES = 120;
    private static final int PARALLELISM = 2;
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final String NAME = "newsflow-enrichment-tm-kill";
    private static final long STARTED = System.nanoTime();

    @Test
    void killingATaskManagerMidStreamNeitherLosesNorDuplicatesArticles(
            KafkaBroker kafka, OpenSearchNode openSearch, @TempDir Path dir) throws Exception {
        // Given: the job jar (built by `package`), and half of the articles in news.crawl
        Path jobJar = Path.of(System.getProperty("newsflow.job.jar", "missing"));
        assertThat(jobJar).as("the shaded job jar; run through `mvn verify`").isRegularFile();
        List<CrawlEvent> events =
                DistinctArticles.generate(ARTICLES, Instant.parse("2026-11-21T07:00:00Z"));
        CrawlEvents.publish(kafka.bootstrapServers(), events.subList(0, ARTICLES / 2));
        progress("%d of %d crawl events in news.crawl", ARTICLES / 2, ARTICLES);

        try (InferenceServer inference =
                        InferenceServer.start(InferenceServerConfig.defaults().withPort(0));
                FlinkStandaloneCluster cluster =
                        FlinkStandaloneCluster.start(
                                dir.resolve("flink"),
                                2,
                                Map.of(
                                        CoreOptions.FLINK_JVM_OPTIONS.key(),
                                        "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.newsflow.schemas"))) {
            FlinkRestClient rest = cluster.rest();
            progress(
                    "cluster up: JobManager at %s, TaskManagers %s",
                    rest.uri(),
                    rest.taskManagers().stream()
                            .map(tm -> tm.id() + " (" + tm.slots() + " slots)")
                            .toList());

            // And: the job submitted over REST, configured by program arguments
            String jarId = rest.uploadJar(jobJar);
            String job =
                    rest.runJar(
                            jarId,
                            EnrichmentJob.class.getName(),
                            jobArguments(kafka, openSearch, inference),
                            PARALLELISM);
            progress(
                    "uploaded %s (%d MB), submitted job %s",
                    jobJar.getFileName(), Files.size(jobJar) >> 20, job);
            try {
                await(rest, job, "all tasks running", () -> rest.allTasksRunning(job));
                Set<String> placement = rest.taskManagersOf(job);
                progress("job running on %s", placement);

                // When: the first articles are committed (so a checkpoint has completed), the
                // second half arrives, and a TaskManager running the job is killed at once
                TopicReader.readCommitted(kafka.bootstrapServers(), Topics.ENRICHED, 1, WAIT);
                CrawlEvents.publish(
                        kafka.bootstrapServers(), events.subList(ARTICLES / 2, ARTICLES));
                FlinkRestClient.Checkpoints beforeKill = rest.checkpoints(job);
                String victim = placement.iterator().next();
                cluster.killTaskManager(victim);
                int committedAtKill = committed(kafka, ARTICLES, Duration.ofSeconds(1)).size();
                progress(
                        "killed %s after %s, %d of %d articles committed; all %d crawl events in",
                        victim,
                        chk(beforeKill.latestCompleted()),
                        committedAtKill,
                        ARTICLES,
                        ARTICLES);

                // Then: the job restores a checkpoint and runs on the surviving TaskManager only
                await(
                        rest,
                        job,
                        "restored from a checkpoint, all tasks running",
                        () ->
                                rest.checkpoints(job).restored().isPresent()
                                        && rest.allTasksRunning(job));
                FlinkRestClient.Checkpoints restored = rest.checkpoints(job);
                Set<String> recoveredOn = rest.taskManagersOf(job);
                progress(
                        "recovered from %s on %s; failures:%n%s",
                        chk(restored.restored()), recoveredOn, rest.exceptions(job).indent(4));

                // And: every article arrives; two more checkpoints would commit any late repeat
                committed(kafka, ARTICLES, WAIT);
                long target = rest.checkpoints(job).latestCompleted().orElse(0) + 2;
                await(
                        rest,
                        job,
                        "checkpoint " + target,
                        () -> rest.checkpoints(job).latestCompleted().orElse(0) >= target);
                List<EnrichedArticle> all = committed(kafka, 2 * ARTICLES, Duration.ofSeconds(3));
                Set<String> indexed =
                        ArticleIndex.idsWhenCount(openSearch.httpUri(), ARTICLES, WAIT);
                int duplicatesTopic =
                        TopicReader.readCommitted(
                                        kafka.bootstrapServers(),
                                        Topics.DUPLICATES,
                                        1,
                                        Duration.ofSeconds(2))
                                .size();

                ExactlyOnceCounts counts = ExactlyOnceCounts.of(events, all, indexed);
                System.out.printf(
                        "TaskManagerKillITCase: %s; %d committed at the kill; %d taken for"
                                + " duplicates; killed %s after %s, restored %s on %s; %.0f s%n",
                        counts,
                        committedAtKill,
                        duplicatesTopic,
                        victim,
                        chk(beforeKill.latestCompleted()),
                        chk(restored.restored()),
                        recoveredOn,
                        (System.nanoTime() - STARTED) / 1e9);

                assertThat(beforeKill.latestCompleted())
                        .as("a checkpoint before the kill")
                        .isPresent();
                assertThat(committedAtKill)
                        .as("committed when the TaskManager died: mid-stream")
                        .isLessThan(ARTICLES);
                assertThat(restored.restored().getAsLong())
                        .as("restored checkpoint")
                        .isGreaterThanOrEqualTo(beforeKill.latestCompleted().getAsLong());
                assertThat(recoveredOn)
                        .as("TaskManagers running the job after recovery")
                        .isNotEmpty()
                        .doesNotContain(victim);
                assertThat(counts.duplicated()).as("articles committed more than once").isEmpty();
                assertThat(counts.missing()).as("articles never committed").isEmpty();
                assertThat(counts.out()).as("records in news.enriched").isEqualTo(ARTICLES);
                assertThat(counts.missingFromIndex()).as("ids missing in OpenSearch").isEmpty();
                assertThat(counts.unexpectedInIndex()).as("unexpected OpenSearch ids").isEmpty();
                assertThat(counts.indexed()).as("articles in OpenSearch").isEqualTo(ARTICLES);
                assertThat(duplicatesTopic)
                        .as("articles taken for duplicates of themselves")
                        .isZero();
            } catch (AssertionError | RuntimeException e) {
                System.out.println(
                        "TaskManagerKillITCase failed; cluster logs:" + cluster.diagnostics(30));
                throw e;
            } finally {
                cancelQuietly(rest, job); // closing the cluster would end it too, less gently
            }
        }
    }

    private static List<String> jobArguments(
            KafkaBroker kafka, OpenSearchNode openSearch, InferenceServer inference) {
        return List.of(
                EnrichmentConfig.KAFKA_BOOTSTRAP + "=" + kafka.bootstrapServers(),
                EnrichmentConfig.OPENSEARCH_URL + "=" + openSearch.httpUri(),
                EnrichmentConfig.CONSUMER_GROUP + "=" + NAME,
                // Not the other enrichment ITs': their transactions are none of ours.
                EnrichmentConfig.TRANSACTIONAL_ID_PREFIX + "=" + NAME,
                EnrichmentConfig.CHECKPOINT_INTERVAL_MS + "=1000",
                InferenceConfig.HOST + "=" + inference.host(),
                InferenceConfig.PORT + "=" + inference.port(),
                InferenceConfig.BATCH_SIZE + "=8",
                InferenceConfig.MAX_WAIT_MS + "=500");
    }

    /** Waits for {@code condition}; fails at once with the job's failures if the job ends. */
    private static void await(
            FlinkRestClient rest, String job, String what, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            String state = rest.jobState(job);
            if (state.matches("FAILED|CANCELED|FINISHED") || System.nanoTime() > deadline) {
                throw new AssertionError(
                        "job "
                                + job
                                + " is "
                                + state
                                + ", waiting for "
                                + what
                                + "; failures:\n"
                                + rest.exceptions(job));
            }
            Thread.sleep(200);
        }
    }

    private static List<EnrichedArticle> committed(
            KafkaBroker kafka, int expected, Duration timeout) {
        return TopicReader.readCommitted(
                kafka.bootstrapServers(), Topics.ENRICHED, expected, timeout);
    }

    private static void cancelQuietly(FlinkRestClient rest, String job) {
        try {
            if (!rest.jobState(job).matches("FAILED|CANCELED|FINISHED")) {
                rest.cancel(job);
            }
        } catch (RuntimeException e) {
            progress("cannot cancel job %s: %s", job, e.getMessage());
        }
    }

    private static String chk(OptionalLong checkpoint) {
        return checkpoint.isPresent() ? "checkpoint " + checkpoint.getAsLong() : "no checkpoint";
    }

    private static void progress(String format, Object... args) {
        System.out.printf(
                "[TaskManagerKillITCase %5.1f s] %s%n",
                (System.nanoTime() - STARTED) / 1e9, String.format(format, args));
    }
}
