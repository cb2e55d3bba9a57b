package dev.newsflow.jobs.testing;

import dev.newsflow.inference.embedding.TextEmbedder;
import java.util.List;
import java.util.Locale;

/**
 * A fast, deterministic stand-in for the real model in pipeline tests that are about wiring, not
 * semantics: hashed bag of words, L2-normalised. Texts sharing words get similar vectors.
 */
public final class HashingEmbedder implements TextEmbedder {

    public static final int DIMENSION = 384;

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public String modelName() {
        return "hashing-test-embedder";
    }

    @Override
    public float[][] embed(List<String> texts) {
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            out[i] = embedOne(texts.get(i));
        }
        return out;
    }

    private static float[] embedOne(String text) {
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
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= (float) Math.sqrt(norm);
            }
        }
        return v;
    }

    @Override
    public void close() {}
}
