package dev.newsflow.inference.testing;

import dev.newsflow.inference.embedding.TextEmbedder;
import dev.newsflow.inference.embedding.TokenEmbedder;
import dev.newsflow.inference.embedding.TokenRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A deterministic stand-in for MiniLM in tests that need no model: each lower-cased word adds one
 * to a dimension chosen by its hash, and the vector is normalised, so texts sharing words are
 * close. Records every call's batch. Word pieces ({@link #embedTokens}) work the same way, one
 * dimension per id under the mask, so that padding provably changes nothing.
 */
public class FakeTextEmbedder implements TextEmbedder, TokenEmbedder {

    public static final int DIMENSION = 64;

    private final List<List<String>> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<List<TokenRow>> tokenCalls = Collections.synchronizedList(new ArrayList<>());

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public String modelName() {
        return "fake-bag-of-words";
    }

    @Override
    public float[][] embed(List<String> texts) {
        calls.add(List.copyOf(texts));
        float[][] vectors = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            vectors[i] = vector(texts.get(i));
        }
        return vectors;
    }

    /** The batches passed to {@link #embed(List)} so far. */
    public List<List<String>> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    @Override
    public float[][] embedTokens(List<TokenRow> rows) {
        tokenCalls.add(List.copyOf(rows));
        float[][] vectors = new float[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            TokenRow row = rows.get(i);
            float[] v = new float[DIMENSION];
            for (int t = 0; t < row.length(); t++) {
                if (row.mask()[t] != 0) {
                    v[(int) Math.floorMod(row.ids()[t], (long) DIMENSION)] += 1;
                }
            }
            vectors[i] = normalize(v);
        }
        return vectors;
    }

    /** The rows passed to {@link #embedTokens(List)} so far, call by call. */
    public List<List<TokenRow>> tokenCalls() {
        synchronized (tokenCalls) {
            return List.copyOf(tokenCalls);
        }
    }

    public static float[] vector(String text) {
        float[] v = new float[DIMENSION];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                v[Math.floorMod(word.hashCode(), DIMENSION)] += 1;
            }
        }
        return normalize(v);
    }

    private static float[] normalize(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm == 0) {
            v[0] = 1;
            return v;
        }
        for (int d = 0; d < DIMENSION; d++) {
            v[d] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    @Override
    public void close() {}
}
