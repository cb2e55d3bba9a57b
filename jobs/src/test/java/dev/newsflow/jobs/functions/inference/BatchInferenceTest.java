package dev.newsflow.jobs.functions.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.inference.client.InferenceClient;
import dev.newsflow.inference.client.Summary;
import dev.newsflow.jobs.functions.fetch.Backoff;
import dev.newsflow.jobs.testing.Articles;
import dev.newsflow.jobs.testing.FakeInferenceClient;
import dev.newsflow.jobs.testing.FakeInferenceClient.Script;
import dev.newsflow.jobs.testing.ManualTimer;
import dev.newsflow.jobs.testing.MutableClock;
import dev.newsflow.schemas.EnrichedArticle;
import io.grpc.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class BatchInferenceTest {

    private static final List<EnrichedArticle> BATCH =
            List.of(Articles.extracted(1), Articles.extracted(2));

    private final ManualTimer timer = new ManualTimer();
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final CircuitBreaker breaker = new CircuitBreaker(2, Duration.ofSeconds(30), clock);
    private final RetryPolicy retry =
            new RetryPolicy(3, new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 2, 0.2));

    @Test
    void transientFailuresAreRetriedAfterTheBackoffThenTheBatchIsEnriched() {
        // Given: a server that is UNAVAILABLE twice
        FakeInferenceClient client =
                new FakeInferenceClient(Script.failing(2, Status.Code.UNAVAILABLE));

        // When
        CompletableFuture<List<EnrichedArticle>> result = inference(client).infer(BATCH);

        // Then: no retry before its backoff; after both backoffs, the third call succeeds
        assertThat(client.calls()).isEqualTo(1);
        timer.advance(Duration.ofMillis(79));
        assertThat(client.calls()).isEqualTo(1);
        timer.advance(Duration.ofSeconds(1));
        assertThat(client.calls()).isEqualTo(3);
        assertThat(result.join())
                .hasSize(2)
                .allSatisfy(
                        a -> {
                            assertThat(a.getEmbedding()).hasSize(FakeInferenceClient.DIMENSION);
                            assertThat(a.getEmbeddingModel()).isEqualTo("test-model");
                            assertThat(a.getSummary()).startsWith("First sentence of story");
                        });
        assertThat(result.join())
                .extracting(EnrichedArticle::getId)
                .containsExactly("article-1", "article-2");
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aNonRetryableFailureIsFinalAtOnceWithTheStatusInTheReason() {
        FakeInferenceClient client =
                new FakeInferenceClient(Script.alwaysFailing(Status.Code.INVALID_ARGUMENT));

        CompletableFuture<List<EnrichedArticle>> result = inference(client).infer(BATCH);

        assertThat(result).isCompletedExceptionally();
        assertThat(timer.pending()).isZero();
        assertThat(client.calls()).isEqualTo(1);
        assertThat(failure(result))
                .isInstanceOf(InferenceFailure.class)
                .hasMessageStartingWith("INVALID_ARGUMENT after 1 attempt: embedder:");
        assertThat(breaker.consecutiveFailures()).isZero();
    }

    @Test
    void exhaustedRetriesFailTheBatchAndEnoughFailedBatchesOpenTheBreaker() {
        // Given: a server that is always UNAVAILABLE, a breaker that opens after 2 failed batches
        FakeInferenceClient client =
                new FakeInferenceClient(Script.alwaysFailing(Status.Code.UNAVAILABLE));
        BatchInference inference = inference(client);

        // When: two batches use up their retries
        CompletableFuture<List<EnrichedArticle>> first = inference.infer(BATCH);
        timer.advance(Duration.ofSeconds(10));
        CompletableFuture<List<EnrichedArticle>> second = inference.infer(BATCH);
        timer.advance(Duration.ofSeconds(10));

        // Then: each made 4 calls and failed with the status; the breaker is open
        assertThat(failure(first)).hasMessageStartingWith("UNAVAILABLE after 4 attempts");
        assertThat(failure(second)).hasMessageStartingWith("UNAVAILABLE after 4 attempts");
        assertThat(client.calls()).isEqualTo(8);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);

        // And: a third batch is refused without a call, with the last failure in the reason
        CompletableFuture<List<EnrichedArticle>> third = inference.infer(BATCH);
        assertThat(client.calls()).isEqualTo(8);
        assertThat(failure(third))
                .hasMessageStartingWith("circuit breaker open after 2 consecutive failed batches")
                .hasMessageContaining("UNAVAILABLE");
    }

    @Test
    void theModelsImportanceRatingBecomesAnImportanceComponentWhenItGivesOne() {
        // Given: a model that rates every article 0.8, and one that does not rate
        FakeInferenceClient unrated = new FakeInferenceClient(Script.healthy());
        InferenceClient rating =
                new InferenceClient() {
                    @Override
                    public CompletableFuture<float[][]> embedAsync(List<String> texts) {
                        return unrated.embedAsync(texts);
                    }

                    @Override
                    public CompletableFuture<List<String>> summarizeAsync(List<String> articles) {
                        return unrated.summarizeAsync(articles);
                    }

                    @Override
                    public CompletableFuture<List<Summary>> summarizeWithRatingAsync(
                            List<String> articles) {
                        return unrated.summarizeAsync(articles)
                                .thenApply(t -> t.stream().map(s -> Summary.of(s, 0.8)).toList());
                    }

                    @Override
                    public boolean serverReady() {
                        return true;
                    }

                    @Override
                    public boolean modelReady(String model) {
                        return true;
                    }

                    @Override
                    public void close() {}
                };

        // Then: the rating is stored under "model"; without one, the component is absent
        assertThat(inference(rating).infer(BATCH).join())
                .allSatisfy(
                        a ->
                                assertThat(a.getImportanceComponents())
                                        .containsEntry(BatchInference.MODEL_RATING, 0.8));
        assertThat(inference(unrated).infer(BATCH).join())
                .allSatisfy(
                        a ->
                                assertThat(a.getImportanceComponents())
                                        .doesNotContainKey(BatchInference.MODEL_RATING));
    }

    private BatchInference inference(InferenceClient client) {
        return new BatchInference(
                client,
                retry,
                breaker,
                timer,
                new SplittableRandom(7),
                new BatchInference.Listener() {},
                "test-model");
    }

    private static Throwable failure(CompletableFuture<?> future) {
        assertThat(future).isCompletedExceptionally();
        return future.handle((ok, error) -> RetryPolicy.unwrap(error)).join();
    }
}
