package dev.newsflow.inference.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the jobs need from an inference server, whatever serves it (the local server or Triton):
 * embeddings and summaries (optionally with an importance rating) of batches of texts, and
 * readiness. The seam for retries, a circuit breaker and Flink Async I/O micro-batching, which wrap
 * an implementation of this interface.
 *
 * <p>Failures surface as {@link InferenceException}, which says whether a retry can help.
 */
public interface InferenceClient extends AutoCloseable {

    /** One unit-length vector per text, in order; an empty list makes no call. */
    CompletableFuture<float[][]> embedAsync(List<String> texts);

    /** One summary per article, in order; an empty list makes no call. */
    CompletableFuture<List<String>> summarizeAsync(List<String> articles);

    /**
     * One summary per article with the model's importance rating where it gives one, in order; an
     * empty list makes no call. This default rates nothing; clients of models that rate override
     * it.
     */
    default CompletableFuture<List<Summary>> summarizeWithRatingAsync(List<String> articles) {
        return summarizeAsync(articles)
                .thenApply(texts -> texts.stream().map(Summary::unrated).toList());
    }

    /** Blocking {@link #embedAsync(List)}. */
    default float[][] embed(List<String> texts) {
        return InferenceException.join(embedAsync(texts));
    }

    /** Blocking {@link #summarizeAsync(List)}. */
    default List<String> summarize(List<String> articles) {
        return InferenceException.join(summarizeAsync(articles));
    }

    /** Blocking {@link #summarizeWithRatingAsync(List)}. */
    default List<Summary> summarizeWithRating(List<String> articles) {
        return InferenceException.join(summarizeWithRatingAsync(articles));
    }

    /** Whether the server is ready for inference; false (never an exception) if unreachable. */
    boolean serverReady();

    /** Whether the named model is ready; false if it is unknown or the server is unreachable. */
    boolean modelReady(String model);

    /** Releases the connection; calls in flight are cancelled. */
    @Override
    void close();
}
