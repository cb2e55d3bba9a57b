package dev.newsflow.jobs.functions;

import java.util.ArrayList;
import java.util.List;

/**
 * Vector arithmetic of embeddings, story centroids and personas, on {@code float[]} (what state and
 * Avro hold) computed in double. An empty array stands for "no vector yet" and acts as zero.
 */
public final class Vectors {

    /** Norms below this count as zero: the vector has no direction. */
    public static final double EPSILON = 1e-9;

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
        for (int i = 0; i < v.length; i++) {
            Float x = embedding.get(i);
            if (x == null || !Float.isFinite(x)) {
                return null;
            }
            v[i] = x;
        }
        return norm(v) > 0 ? v : null;
    }

    public static double dot(float[] a, float[] b) {
        if (a.length == 0 || b.length == 0) {
            return 0;
        }
        requireSameLength(a, b);
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    public static double norm(float[] a) {
        return Math.sqrt(dot(a, a));
    }

    /**
     * Cosine similarity; 0 when either vector has no direction or they differ in dimension (an
     * embedding of another model is not similar to anything, and must not fail the job).
     */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            return 0;
        }
        double na = norm(a);
        double nb = norm(b);
        return na < EPSILON || nb < EPSILON ? 0 : dot(a, b) / (na * nb);
    }

    /** {@code a} scaled to unit length, or an empty array when it has no direction. */
    public static float[] normalized(float[] a) {
        double n = norm(a);
        return n < EPSILON ? new float[0] : scaled(a, 1 / n);
    }

    public static float[] scaled(float[] a, double factor) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) (a[i] * factor);
        }
        return out;
    }

    /** {@code a + weight * b}, where an empty {@code a} is zero. */
    public static float[] plus(float[] a, float[] b, double weight) {
        if (a.length == 0) {
            return scaled(b, weight);
        }
        requireSameLength(a, b);
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) (a[i] + weight * b[i]);
        }
        return out;
    }

    /** Adds {@code v} to {@code sum} in place (a running centroid sum). */
    public static void addTo(float[] sum, float[] v) {
        requireSameLength(sum, v);
        for (int i = 0; i < sum.length; i++) {
            sum[i] += v[i];
        }
    }

    public static List<Float> toList(float[] a) {
        List<Float> out = new ArrayList<>(a.length);
        for (float v : a) {
            out.add(v);
        }
        return out;
    }

    public static float[] toArray(List<Float> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    private static void requireSameLength(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(
                    "vectors of different dimensions: " + a.length + " and " + b.length);
        }
    }
}
