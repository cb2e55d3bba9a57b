package dev.newsflow.jobs.functions.stories;

import java.util.List;

/** Vector arithmetic for embeddings and story centroids. */
public final class Vectors {

    private Vectors() {}

    /**
     * The embedding as an array, or {@code null} when it cannot be compared: empty, not finite or
     * all zeros (a failed or missing embedding must not join a story by accident).
     */
    public static float[] usable(List<Float> embedding) {
        if (embedding == null || embedding.isEmpty()) {
            return null;
        }
        float[] v = new float[embedding.size()];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            Float x = embedding.get(i);
            if (x == null || !Float.isFinite(x)) {
                return null;
            }
            v[i] = x;
            norm += (double) x * x;
        }
        return norm > 0 ? v : null;
    }

    /**
     * Cosine similarity of two vectors of any length; 0 when either is zero or they differ in size.
     */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            return 0;
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    /** Adds {@code v} to {@code sum} in place. */
    public static void addTo(float[] sum, float[] v) {
        if (sum.length != v.length) {
            throw new IllegalArgumentException(
                    "dimension mismatch: " + sum.length + " vs " + v.length);
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] += v[i];
        }
    }

    /** {@code v} scaled to unit length (a copy); the zero vector stays zero. */
    public static float[] normalised(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        float[] out = new float[v.length];
        if (norm == 0) {
            return out;
        }
        double scale = 1 / Math.sqrt(norm);
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] * scale);
        }
        return out;
    }
}
