package dev.newsflow.jobs.testing;

import dev.newsflow.inference.client.InferenceClient;
import dev.newsflow.inference.client.InferenceException;
import io.grpc.Status;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault-injecting {@link InferenceClient}: answers with hashed bag-of-words embeddings and the
 * first sentence as summary, after failing its first {@code failures} calls with {@code code} (a
 * negative count fails every call), or never answering at all ({@link Script#stalling()}), as a
 * server past the deadline would. Records the batch size of every call.
 */
public final class FakeInferenceClient implements InferenceClient {

    public static final int DIMENSION = 384;

    /** What the client does; serializable so that a MiniCluster test can ship it to its tasks. */
    public record Script(int failures, Status.Code code, boolean stall) implements Serializable {
        public static Script healthy() {
            return new Script(0, Status.Code.OK, false);
        }

        public static Script failing(int failures, Status.Code code) {
            return new Script(failures, code, false);
        }

        public static Script alwaysFailing(Status.Code code) {
            return new Script(-1, code, false);
        }

        public static Script stalling() {
            return new Script(0, Status.Code.OK, true);
        }
    }

    private final Script script;
    private final AtomicInteger embedCalls = new AtomicInteger();
    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

    public FakeInferenceClient(Script script) {
        this.script = script;
    }

    @Override
    public CompletableFuture<float[][]> embedAsync(List<String> texts) {
        batchSizes.add(texts.size());
        int call = embedCalls.incrementAndGet();
        CompletableFuture<float[][]> failed = fault(call);
        if (failed != null) {
            return failed;
        }
        float[][] vectors = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            vectors[i] = embed(texts.get(i));
        }
        return CompletableFuture.completedFuture(vectors);
    }

    @Override
    public CompletableFuture<List<String>> summarizeAsync(List<String> articles) {
        List<String> summaries = new ArrayList<>();
        for (String article : articles) {
            int end = article.indexOf('.');
            summaries.add(end < 0 ? article : article.substring(0, end + 1));
        }
        return script.stall()
                ? new CompletableFuture<>()
                : CompletableFuture.completedFuture(summaries);
    }

    /** Embedding calls made (each attempt of each batch is one). */
    public int calls() {
        return embedCalls.get();
    }

    public List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }

    private <T> CompletableFuture<T> fault(int call) {
        if (script.stall()) {
            return new CompletableFuture<>();
        }
        if (script.failures() < 0 || call <= script.failures()) {
            return CompletableFuture.failedFuture(
                    new InferenceException(
                            script.code(), "embedder: " + script.code() + ": injected", null));
        }
        return null;
    }

    private static float[] embed(String text) {
        float[] v = new float[DIMENSION];
        for (String word : text.toLowerCase(Locale.ROOT).split("\\W+")) {
            if (!word.isEmpty()) {
                v[Math.floorMod(word.hashCode(), DIMENSION)] += 1;
            }
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        for (int i = 0; norm > 0 && i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    @Override
    public boolean serverReady() {
        return !script.stall();
    }

    @Override
    public boolean modelReady(String model) {
        return serverReady();
    }

    @Override
    public void close() {}
}
