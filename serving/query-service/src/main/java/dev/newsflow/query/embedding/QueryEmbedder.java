package dev.newsflow.query.embedding;

import dev.newsflow.inference.embedding.TextEmbedder;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.List;

/**
 * Embeds search queries on a worker pool: the embedder is CPU-heavy and blocking, and the event
 * loop must never wait for it.
 */
public final class QueryEmbedder {

    private final TextEmbedder embedder;
    private final WorkerExecutor workers;

    public QueryEmbedder(TextEmbedder embedder, WorkerExecutor workers) {
        this.embedder = embedder;
        this.workers = workers;
    }

    /** The L2-normalised embedding of {@code query}, computed off the event loop. */
    public Future<float[]> embed(String query) {
        // Unordered: independent queries may run in parallel when the pool has several threads.
        return workers.executeBlocking(() -> single(embedder.embed(List.of(query))), false);
    }

    public String modelName() {
        return embedder.modelName();
    }

    private static float[] single(float[][] vectors) {
        if (vectors == null || vectors.length != 1) {
            throw new IllegalStateException(
                    "Embedder returned "
                            + (vectors == null ? "null" : vectors.length + " vectors")
                            + " for one query");
        }
        return vectors[0];
    }
}
