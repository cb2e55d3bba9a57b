package dev.newsflow.jobs.functions.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.jobs.config.InferenceConfig;
import dev.newsflow.jobs.config.InferenceConfig.OnFailure;
import dev.newsflow.jobs.functions.fetch.Backoff;
import dev.newsflow.jobs.testing.FakeInferenceClient;
import dev.newsflow.jobs.testing.FakeInferenceClient.Script;
import dev.newsflow.schemas.DeadLetter;
import dev.newsflow.testkit.flink.FlinkTestCluster;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The inference step on a MiniCluster (parallelism 2) against fault-injecting clients: whatever the
 * server does, every article comes out exactly once, enriched or dead-lettered with the reason.
 */
class InferArticlesWorkflowTest {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

    private static final int ARTICLES = 40;

    /** Small backoffs so that the retries of a test take milliseconds, not seconds. */
    private static final InferenceConfig CONFIG =
            InferenceConfig.fromEnv(Map.of())
                    .withBatching(8, Duration.ofMillis(20))
                    .withFailureHandling(
                            new RetryPolicy(
                                    3,
                                    new Backoff(
                                            Duration.ofMillis(1), Duration.ofMillis(10), 2, 0.2)),
                            5,
                            OnFailure.DEAD_LETTER);

    private final InferenceWorkflow workflow = new InferenceWorkflow(ARTICLES);

    @Test
    void transientFailuresAreRetriedAndEveryArticleIsEnriched() throws Exception {
        // Given: each subtask's client is UNAVAILABLE for its first two calls
        workflow.run(
                () -> new FakeInferenceClient(Script.failing(2, Status.Code.UNAVAILABLE)), CONFIG);

        assertThat(workflow.enriched())
                .hasSize(ARTICLES)
                .allSatisfy(a -> assertThat(a.getSummary()).startsWith("First sentence"));
        assertThat(workflow.deadLetters()).isEmpty();
    }

    @Test
    void aNonRetryableStatusDeadLettersEachArticleWithTheReason() throws Exception {
        workflow.run(
                () -> new FakeInferenceClient(Script.alwaysFailing(Status.Code.INVALID_ARGUMENT)),
                CONFIG);

        assertThat(workflow.enriched()).isEmpty();
        assertThat(workflow.deadLetters())
                .hasSize(ARTICLES)
                .allSatisfy(
                        d -> {
                            assertThat(d.getStage()).isEqualTo(InferArticles.STAGE);
                            assertThat(d.getReason())
                                    .startsWith("INVALID_ARGUMENT after 1 attempt: embedder:");
                            assertThat(d.getPayloadSize()).isPositive();
                        });
    }

    @Test
    void anOpenBreakerDeadLettersWithoutCallingTheServer() throws Exception {
        // Given: a server that is always down; the breaker opens after one failed batch
        InferenceConfig config =
                CONFIG.withBatching(2, Duration.ofMillis(20))
                        .withFailureHandling(
                                new RetryPolicy(0, CONFIG.retry().backoff()),
                                1,
                                OnFailure.DEAD_LETTER);

        workflow.run(
                () -> new FakeInferenceClient(Script.alwaysFailing(Status.Code.UNAVAILABLE)),
                config);

        // Then: all dead-lettered; the later batches were refused by the open breaker
        assertThat(workflow.enriched()).isEmpty();
        assertThat(workflow.deadLetters())
                .hasSize(ARTICLES)
                .extracting(DeadLetter::getReason)
                .anyMatch(r -> r.startsWith("UNAVAILABLE after 1 attempt"))
                .anyMatch(r -> r.startsWith("circuit breaker open after 1 consecutive failed"));
    }

    @Test
    void anArticleStalledPastTheTimeoutIsDeadLettered() throws Exception {
        workflow.run(
                () -> new FakeInferenceClient(Script.stalling()), CONFIG, Duration.ofMillis(300));

        assertThat(workflow.enriched()).isEmpty();
        assertThat(workflow.deadLetters())
                .hasSize(ARTICLES)
                .allSatisfy(
                        d ->
                                assertThat(d.getReason())
                                        .startsWith("timed out waiting for the inference server"));
    }

    @Test
    void withOnFailureFailTheJobFailsInsteadOfDeadLettering() {
        InferenceConfig config = CONFIG.withFailureHandling(CONFIG.retry(), 5, OnFailure.FAIL);

        assertThatThrownBy(
                        () ->
                                workflow.run(
                                        () ->
                                                new FakeInferenceClient(
                                                        Script.alwaysFailing(
                                                                Status.Code.INVALID_ARGUMENT)),
                                        config))
                .hasStackTraceContaining("INVALID_ARGUMENT after 1 attempt");
        assertThat(workflow.deadLetters()).isEmpty();
    }
}
