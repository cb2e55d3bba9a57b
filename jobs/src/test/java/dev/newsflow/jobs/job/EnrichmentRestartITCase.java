package dev.newsflow.jobs.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.inference.server.InferenceServer;
import dev.newsflow.inference.server.InferenceServerConfig;
import dev.newsflow.jobs.config.EnrichmentConfig;
import dev.newsflow.jobs.functions.inference.InferArticles;
import dev.newsflow.jobs.testing.CrawlEvents;
import dev.newsflow.jobs.testing.DistinctArticles;
import dev.newsflow.jobs.testing.RetainedCheckpoints;
import dev.newsflow.schemas.CrawlEvent;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.kafka.Topics;
import dev.newsflow.testkit.RealServices;
import dev.newsflow.testkit.flink.FlinkTestCluster;
import dev.newsflow.testkit.kafka.KafkaBroker;
import dev.newsflow.testkit.kafka.TopicReader;
import dev.newsflow.testkit.opensearch.OpenSearchNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The enrichment job cancelled while articles are in flight and resumed from its last retained
 * checkpoint, on real Kafka, OpenSearch and the local inference server: every article must be in
 * {@code news.enriched} exactly once (read_committed) and in OpenSearch, and no resumed state may
 * take an article for a duplicate of itself.
 */
@ExtendWith(RealServices.class)
class EnrichmentRestartITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final int ARTICLES = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void cancelAndResumeFromACheckpointNeitherDuplicatesNorLosesArticles(
            KafkaBroker kafka, OpenSearchNode openSearch, @TempDir Path dir) throws Exception {
        // Given: thirty distinct articles, the first half of them in news.crawl
        List<CrawlEvent> events =
                DistinctArticles.generate(ARTICLES, Instant.parse("2026-11-20T09:00:00Z"));
        produce(kafka.bootstrapServers(), events.subList(0, ARTICLES / 2));
        Path checkpoints = dir.resolve("checkpoints");
        try (InferenceServer server =
                InferenceServer.start(InferenceServerConfig.defaults().withPort(0))) {
            EnrichmentConfig config = config(kafka, openSearch, server);

            // When: the job's first articles are committed, the second half arrives, and the job
            // is cancelled at once, with articles in flight
            JobClient first = start(config, checkpoints, Optional.empty());
            List<EnrichedArticle> beforeCancel;
            try {
                beforeCancel =
                        TopicReader.readCommitted(
                                kafka.bootstrapServers(), Topics.ENRICHED, 1, WAIT);
                produce(kafka.bootstrapServers(), events.subList(ARTICLES / 2, ARTICLES));
            } finally {
                first.cancel().get();
            }
            Path checkpoint =
                    RetainedCheckpoints.latest(checkpoints.resolve(first.getJobID().toString()))
                            .orElseThrow(() -> new AssertionError("no retained checkpoint"));
            int committedAtCancel =
                    TopicReader.readCommitted(
                                    kafka.bootstrapServers(),
                                    Topics.ENRICHED,
                                    ARTICLES,
                                    Duration.ofSeconds(2))
                            .size();

            // And: resumed from the last retained checkpoint
            JobClient second = start(config, checkpoints, Optional.of(checkpoint));
            List<EnrichedArticle> all;
            long indexed;
            try {
                TopicReader.readCommitted(
                        kafka.bootstrapServers(), Topics.ENRICHED, ARTICLES, WAIT);
                // Two more checkpoints: a late duplicate would have been committed by then.
                Path secondRun = checkpoints.resolve(second.getJobID().toString());
                RetainedCheckpoints.await(
                        secondRun, RetainedCheckpoints.latestNumber(secondRun) + 2, WAIT);
                all =
                        TopicReader.readCommitted(
                                kafka.bootstrapServers(),
                                Topics.ENRICHED,
                                2 * ARTICLES,
                                Duration.ofSeconds(3));
                indexed = awaitCount(openSearch.httpUri(), ARTICLES);
            } finally {
                second.cancel().get();
            }

            // Then: each article exactly once in news.enriched, all of them in OpenSearch
            Map<String, Long> counts =
                    all.stream()
                            .collect(
                                    Collectors.groupingBy(
                                            EnrichedArticle::getCrawlEventId,
                                            Collectors.counting()));
            List<String> duplicated =
                    counts.entrySet().stream()
                            .filter(e -> e.getValue() > 1)
                            .map(Map.Entry::getKey)
                            .toList();
            List<String> missing =
                    events.stream()
                            .map(CrawlEvent::getEventId)
                            .filter(id -> !counts.containsKey(id))
                            .toList();
            int duplicatesTopic =
                    TopicReader.readCommitted(
                                    kafka.bootstrapServers(),
                                    Topics.DUPLICATES,
                                    1,
                                    Duration.ofSeconds(2))
                            .size();
            System.out.printf(
                    "EnrichmentRestartITCase: %d articles in; %d committed when the first arrived,"
                            + " %d at the cancel, %d in all; %d duplicated %s, %d missing %s; %d in"
                            + " OpenSearch; %d taken for duplicates%n",
                    ARTICLES,
                    beforeCancel.size(),
                    committedAtCancel,
                    all.size(),
                    duplicated.size(),
                    duplicated,
                    missing.size(),
                    missing,
                    indexed,
                    duplicatesTopic);
            assertThat(committedAtCancel).as("committed before the resume").isLessThan(ARTICLES);
            assertThat(duplicated).as("articles committed more than once").isEmpty();
            assertThat(missing).as("articles never committed").isEmpty();
            assertThat(indexed).as("articles in OpenSearch").isEqualTo(ARTICLES);
            assertThat(duplicatesTopic).as("articles taken for duplicates").isZero();
        }
    }

    private static EnrichmentConfig config(
            KafkaBroker kafka, OpenSearchNode openSearch, InferenceServer server) {
        EnrichmentConfig defaults =
                EnrichmentConfig.fromEnv(
                        Map.of(
                                // Not EnrichmentJobITCase's: its transactions are none of ours.
                                EnrichmentConfig.TRANSACTIONAL_ID_PREFIX,
                                "newsflow-enrichment-restart"));
        return defaults.withEndpoints(kafka.bootstrapServers(), openSearch.httpUri())
                .withInference(
                        defaults.inference()
                                .withEndpoint(server.host(), server.port())
                                .withBatching(8, Duration.ofMillis(500)));
    }

    /** Runs the job, from {@code restoreFrom} if given; both runs have the same graph and uids. */
    private static JobClient start(
            EnrichmentConfig config, Path checkpoints, Optional<Path> restoreFrom)
            throws Exception {
        Configuration flink = FlinkTestCluster.configuration(checkpoints);
        restoreFrom.ifPresent(
                p -> flink.set(StateRecoveryOptions.SAVEPOINT_PATH, p.toUri().toString()));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
        env.setParallelism(FlinkTestCluster.PARALLELISM);
        EnrichmentJob.defineWorkflow(
                env,
                EnrichmentJob.kafkaSource(config),
                EnrichmentSinks.production(config),
                config,
                InferArticles.triton(config.inference()));
        return env.executeAsync(EnrichmentJob.NAME);
    }

    private static void produce(String bootstrap, List<CrawlEvent> events) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (CrawlEvent event : events) {
                producer.send(
                                new ProducerRecord<>(
                                        Topics.CRAWL.name(),
                                        event.getUrl().getBytes(),
                                        CrawlEvents.encode(event)))
                        .get();
            }
        }
    }

    private static long awaitCount(URI openSearch, long expected) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + WAIT.toNanos();
        long count = 0;
        while (count < expected && System.nanoTime() < deadline) {
            String body =
                    http.send(
                                    HttpRequest.newBuilder(openSearch.resolve("/articles/_count"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body();
            count = JSON.readTree(body).path("count").asLong();
            Thread.sleep(500);
        }
        return count;
    }
}
