package dev.newsflow.jobs.functions.inference;

import dev.newsflow.inference.client.InferenceClient;
import dev.newsflow.inference.client.InferenceException;
import dev.newsflow.inference.client.Summary;
import dev.newsflow.schemas.EnrichedArticle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

/**
 * One micro-batch through the inference server: two {@code ModelInfer} calls (embed title and text;
 * summarize the text), retried after a jittered backoff while the failure is transient, and guarded
 * by a {@link CircuitBreaker}. The future completes with the enriched articles, in order, or fails
 * with an {@link InferenceFailure} whose message is the dead-letter reason.
 */
public final class BatchInference {

    /** What the batch reports as it goes; {@link InferenceMetrics} turns it into metrics. */
    public interface Listener {
        default void onCall() {}

        default void onRetry() {}

        default void onError(Throwable error) {}

        default void onBatch(int size, Duration latency) {}
    }

    private final InferenceClient client;
    private final RetryPolicy retry;
    private final CircuitBreaker breaker;
    private final MicroBatcher.Timer timer;
    private final RandomGenerator random;
    private final Listener listener;
    private final String embeddingModel;
    private volatile String lastFailure = "none";

    public BatchInference(
            InferenceClient client,
            RetryPolicy retry,
            CircuitBreaker breaker,
            MicroBatcher.Timer timer,
            RandomGenerator random,
            Listener listener,
            String embeddingModel) {
        this.client = client;
        this.retry = retry;
        this.breaker = breaker;
        this.timer = timer;
        this.random = random;
        this.listener = listener;
        this.embeddingModel = embeddingModel;
    }

    /** Enriches {@code batch}; never throws, the future carries any failure. */
    public CompletableFuture<List<EnrichedArticle>> infer(List<EnrichedArticle> batch) {
        CompletableFuture<List<EnrichedArticle>> result = new CompletableFuture<>();
        if (!breaker.tryAcquire()) {
            result.completeExceptionally(
                    new InferenceFailure(
                            "circuit breaker open after "
                                    + breaker.consecutiveFailures()
                                    + " consecutive failed batches; last failure: "
                                    + lastFailure,
                            null));
            return result;
        }
        attempt(batch, 1, System.nanoTime(), result);
        return result;
    }

    private void attempt(
            List<EnrichedArticle> batch,
            int attempt,
            long startNanos,
            CompletableFuture<List<EnrichedArticle>> result) {
        listener.onCall();
        List<String> texts = new ArrayList<>(batch.size());
        List<String> bodies = new ArrayList<>(batch.size());
        for (EnrichedArticle article : batch) {
            texts.add(article.getTitle() + "\n\n" + article.getText());
            bodies.add(article.getText());
        }
        CompletableFuture<float[][]> embeddings = call(() -> client.embedAsync(texts));
        CompletableFuture<List<Summary>> summaries =
                call(() -> client.summarizeWithRatingAsync(bodies));
        // thenCombine waits for both calls, so a retry never overlaps the previous attempt.
        embeddings
                .thenCombine(summaries, (vectors, summary) -> enrich(batch, vectors, summary))
                .whenComplete(
                        (enriched, error) -> {
                            if (error == null) {
                                breaker.onSuccess();
                                listener.onBatch(
                                        batch.size(),
                                        Duration.ofNanos(System.nanoTime() - startNanos));
                                result.complete(enriched);
                                return;
                            }
                            settleFailure(batch, attempt, startNanos, result, error);
                        });
    }

    private void settleFailure(
            List<EnrichedArticle> batch,
            int attempt,
            long startNanos,
            CompletableFuture<List<EnrichedArticle>> result,
            Throwable error) {
        listener.onError(error);
        Optional<Duration> delay = retry.retryAfter(error, attempt, random);
        if (delay.isPresent()) {
            listener.onRetry();
            timer.schedule(delay.get(), () -> attempt(batch, attempt + 1, startNanos, result));
            return;
        }
        Throwable cause = RetryPolicy.unwrap(error);
        if (RetryPolicy.retryable(cause)) {
            breaker.onFailure();
        } else {
            breaker.onNeutral(); // the server answered: the request was at fault, not the server
        }
        String code =
                cause instanceof InferenceException inference
                        ? inference.code().name()
                        : cause.getClass().getSimpleName();
        lastFailure = code + ": " + cause.getMessage();
        result.completeExceptionally(
                new InferenceFailure(
                        code
                                + " after "
                                + attempt
                                + (attempt == 1 ? " attempt: " : " attempts: ")
                                + cause.getMessage(),
                        cause));
    }

    private List<EnrichedArticle> enrich(
            List<EnrichedArticle> batch, float[][] vectors, List<Summary> summaries) {
        if (vectors.length != batch.size() || summaries.size() != batch.size()) {
            throw new IllegalStateException(
                    "server answered "
                            + vectors.length
                            + " embeddings and "
                            + summaries.size()
                            + " summaries for "
                            + batch.size()
                            + " articles");
        }
        List<EnrichedArticle> enriched = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            List<Float> embedding = new ArrayList<>(vectors[i].length);
            for (float v : vectors[i]) {
                embedding.add(v);
            }
            Summary summary = summaries.get(i);
            Map<String, Double> components = new HashMap<>(batch.get(i).getImportanceComponents());
            // The summarization model's importance rating, when it gives one (the 7B model does,
            // the CPU stand-in does not), is one of the components importance is scored from.
            summary.rating().ifPresent(r -> components.put(MODEL_RATING, r));
            enriched.add(
                    EnrichedArticle.newBuilder(batch.get(i))
                            .setEmbedding(embedding)
                            .setEmbeddingModel(embeddingModel)
                            .setSummary(summary.text())
                            .setImportanceComponents(components)
                            .setEnrichedAt(java.time.Instant.now())
                            .build());
        }
        return enriched;
    }

    /** Key of the model's rating in {@code EnrichedArticle.importanceComponents}. */
    public static final String MODEL_RATING = "model";

    /** A client that throws instead of returning a failed future is treated the same way. */
    private static <T> CompletableFuture<T> call(
            java.util.function.Supplier<CompletableFuture<T>> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
