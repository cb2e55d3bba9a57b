package dev.newsflow.query.feed;

import io.vertx.core.json.JsonArray;

/** Vector math of the feed: JSON arrays of floats in, cosines out. */
public final class FeedVectors {

    private FeedVectors() {}

    /** The floats of a JSON array, or {@code null} when there is none or it is empty. */
    public static float[] of(JsonArray values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        float[] vector = new float[values.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = values.getNumber(i).floatValue();
        }
        return vector;
    }

    public static JsonArray toJson(float[] vector) {
        JsonArray values = new JsonArray();
        for (float v : vector) {
            values.add(v);
        }
        return values;
    }

    /**
     * Cosine similarity; 0 when either vector is missing, empty, of another dimension or zero (no
     * evidence either way).
     */
    public static double cosine(float[] a, float[] b) {
        if (a == null || b == null || a.length == 0 || a.length != b.length) {
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
}
