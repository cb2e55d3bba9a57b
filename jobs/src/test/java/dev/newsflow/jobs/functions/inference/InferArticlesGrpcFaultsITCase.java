package dev.newsflow.jobs.functions.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.inference.client.TritonClientConfig;
import dev.newsflow.inference.embedding.MiniLmEmbedder;
import dev.newsflow.inference.server.InferenceServer;
import dev.newsflow.inference.server.InferenceServerConfig;
import dev.newsflow.jobs.config.InferenceConfig;
import dev.newsflow.jobs.config.InferenceConfig.OnFailure;
import dev.newsflow.jobs.functions.fetch.Backoff;
import dev.newsflow.jobs.testing.FakeInferenceClient.Script;
import dev.newsflow.jobs.testing.FaultyInferenceProxy;
import dev.newsflow.schemas.DeadLetter;
import dev.newsflow.testkit.flink.FlinkTestCluster;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The inference step of the job over real gRPC on loopback, with the production client factory
 * ({@link InferArticles#triton}), against the real local model server behind a fault-injecting
 * proxy: transient failures are retried, a server that keeps failing opens the breaker, a hung
 * server runs into the deadline, and every article comes out exactly once, enriched or
 * dead-lettered with the reason.
 */
class InferArticlesGrpcFaultsITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

    private static final int ARTICLES = 40;
    private static final Backoff FAST =
            new Backoff(Duration.ofMillis(5), Duration.ofMillis(50), 2, 0.2);

    private static InferenceServer server;
    private final InferenceWorkflow workflow = new InferenceWorkflow(ARTICLES);

    @BeforeAll
    static void startModelServer() {
        server = InferenceServer.start(InferenceServerConfig.defaults().withPort(0));
    }

    @AfterAll
    static void stopModelServer() {
        server.close();
    }

    @Test
    void transientFailuresAreRetriedOverGrpcAndEveryArticleIsEnriched() throws Exception {
        // Given: the first three inference calls fail with UNAVAILABLE
        try (FaultyInferenceProxy proxy =
                FaultyInferenceProxy.start(
                        server.port(), Script.failing(3, Status.Code.UNAVAILABLE))) {
            InferenceConfig config =
                    config(proxy, Map.of())
                            .withFailureHandling(
                                    new RetryPolicy(3, FAST), 5, OnFailure.DEAD_LETTER);

            // When
            runOverGrpc(config);

            // Then: all enriched by the real models, after the injected failures were retried
            assertThat(proxy.failed()).isEqualTo(3);
            assertThat(workflow.deadLetters()).isEmpty();
            assertThat(workflow.enriched())
                    .hasSize(ARTICLES)
                    .allSatisfy(
                            a -> {
                                assertThat(a.getEmbedding()).hasSize(MiniLmEmbedder.DIMENSION);
                                assertThat(a.getSummary()).isNotBlank();
                            });
            // And: articles that arrived together went to the server as one batch
            assertThat(proxy.batchSizes()).anyMatch(size -> size > 1);
        }
    }

    @Test
    void aServerThatKeepsFailingOpensTheBreakerAndEveryArticleIsDeadLettered() throws Exception {
        // Given: every inference call fails; one retry, the breaker opens after 2 failed batches
        try (FaultyInferenceProxy proxy =
                FaultyInferenceProxy.start(
                        server.port(), Script.alwaysFailing(Status.Code.UNAVAILABLE))) {
            InferenceConfig config =
                    config(proxy, Map.of())
                            .withBatching(4, Duration.ofMillis(20))
                            .withFailureHandling(
                                    new RetryPolicy(1, FAST), 2, OnFailure.DEAD_LETTER);

            // When
            runOverGrpc(config);

            // Then: nothing enriched, nothing lost, each with its reason; later batches were
            // refused by the open breaker without a call
            assertThat(workflow.enriched()).isEmpty();
            assertThat(workflow.deadLetters())
                    .hasSize(ARTICLES)
                    .extracting(DeadLetter::getReason)
                    .anyMatch(r -> r.startsWith("UNAVAILABLE after 2 attempts: "))
                    .anyMatch(r -> r.startsWith("circuit breaker open after 2 consecutive failed"));
            // each attempt calls the embedder and the summarizer: without the breaker that is
            // 2 calls x 2 attempts x 10 batches
            assertThat(proxy.failed()).isLessThan(2 * 2 * (ARTICLES / 4));
        }
    }

    @Test
    void aHungServerRunsIntoTheDeadlineAndEveryArticleIsDeadLettered() throws Exception {
        // Given: a server that takes every call and never answers; 300 ms deadline per call
        try (FaultyInferenceProxy proxy =
                FaultyInferenceProxy.start(server.port(), Script.stalling())) {
            InferenceConfig config =
                    config(
                                    proxy,
                                    Map.of(
                                            InferenceConfig.DEADLINE_MS, "300",
                                            InferenceConfig.TIMEOUT_MS, "20000"))
                            .withFailureHandling(
                                    new RetryPolicy(1, FAST), 100, OnFailure.DEAD_LETTER);

            // When
            runOverGrpc(config);

            // Then: each batch tried twice, then dead-lettered with the status, not timed out
            assertThat(workflow.enriched()).isEmpty();
            assertThat(workflow.deadLetters())
                    .hasSize(ARTICLES)
                    .allSatisfy(
                            d ->
                                    assertThat(d.getReason())
                                            .startsWith("DEADLINE_EXCEEDED after 2 attempts: "));
        }
    }

    /** The inference step with the job's own client factory, as {@code EnrichmentJob} builds it. */
    private void runOverGrpc(InferenceConfig config) throws Exception {
        workflow.run(InferArticles.triton(config, TritonClientConfig.defaults()), config);
    }

    private static InferenceConfig config(FaultyInferenceProxy proxy, Map<String, String> env) {
        return InferenceConfig.fromEnv(env)
                .withEndpoint("127.0.0.1", proxy.port())
                .withBatching(8, Duration.ofMillis(50));
    }
}
