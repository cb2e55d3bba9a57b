package dev.newsflow.jobs.testing;

import dev.newsflow.inference.client.InferenceClient;
import dev.newsflow.inference.client.Summary;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Passes every call on to a real client and records the batch size of each embedding call in a
 * JVM-wide queue, so that a MiniCluster test can see how the job batched.
 */
public final class CountingInferenceClient implements InferenceClient {

    public static final Queue<Integer> EMBED_BATCH_SIZES = new ConcurrentLinkedQueue<>();

    private final InferenceClient delegate;

    public CountingInferenceClient(InferenceClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public CompletableFuture<float[][]> embedAsync(List<String> texts) {
        EMBED_BATCH_SIZES.add(texts.size());
        return delegate.embedAsync(texts);
    }

    @Override
    public CompletableFuture<List<String>> summarizeAsync(List<String> articles) {
        return delegate.summarizeAsync(articles);
    }

    @Override
    public CompletableFuture<List<Summary>> summarizeWithRatingAsync(List<String> articles) {
        return delegate.summarizeWithRatingAsync(articles);
    }

    @Override
    public boolean serverReady() {
        return delegate.serverReady();
    }

    @Override
    public boolean modelReady(String model) {
        return delegate.modelReady(model);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
