package dev.newsflow.query.testing;

import dev.newsflow.inference.embedding.TextEmbedder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A deterministic, instant {@link TextEmbedder}: unit vectors derived from the text bytes. Records
 * every text and the thread that embedded it, so tests can check that embedding stays off the event
 * loop; {@link #failing()} makes every call throw.
 */
public final class FakeTextEmbedder implements TextEmbedder {

    public static final int DIMENSION = 4;

    private final boolean fail;
    private final List<String> texts = new CopyOnWriteArrayList<>();
    private final List<String> threads = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private FakeTextEmbedder(boolean fail) {
        this.fail = fail;
    }

    public FakeTextEmbedder() {
        this(false);
    }

    public static FakeTextEmbedder failing() {
        return new FakeTextEmbedder(true);
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public String modelName() {
        return "fake-embedder";
    }

    @Override
    public float[][] embed(List<String> batch) {
        threads.add(Thread.currentThread().getName());
        texts.addAll(batch);
        if (fail) {
            throw new IllegalStateException("fake embedder failure");
        }
        float[][] vectors = new float[batch.size()][];
        for (int i = 0; i < batch.size(); i++) {
            vectors[i] = vector(batch.get(i));
        }
        return vectors;
    }

    /** The vector this fake gives {@code text}. */
    public static float[] vector(String text) {
        float[] v = new float[DIMENSION];
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            v[i % DIMENSION] += bytes[i];
        }
        v[0] += 1; // never the zero vector
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        for (int i = 0; i < DIMENSION; i++) {
            v[i] = (float) (v[i] / Math.sqrt(norm));
        }
        return v;
    }

    public List<String> texts() {
        return List.copyOf(texts);
    }

    public List<String> threads() {
        return List.copyOf(threads);
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }
}
