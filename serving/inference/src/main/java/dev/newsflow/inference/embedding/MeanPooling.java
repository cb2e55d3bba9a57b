package dev.newsflow.inference.embedding;

/**
 * Sentence-transformers' pooling for all-MiniLM-L6-v2: mean of the token vectors under the
 * attention mask, then L2 normalisation. Pure array math so that it is testable without a model.
 */
final class MeanPooling {

    /** sentence-transformers clamps the token count at 1e-9 and the norm at 1e-12 (torch eps). */
    private static final double MIN_TOKEN_COUNT = 1e-9;

    private static final double MIN_NORM = 1e-12;

    private MeanPooling() {}

    /**
     * Pools a {@code [batch, seq, dim]} hidden-state tensor, flattened row-major.
     *
     * @param hidden token vectors, {@code batch * seq * dim} values
     * @param mask attention mask, {@code batch * seq} values, 1 for real tokens and 0 for padding
     * @return {@code batch} unit-length vectors of length {@code dim}
     */
    static float[][] poolAndNormalize(float[] hidden, long[] mask, int batch, int seq, int dim) {
        if (hidden.length != batch * seq * dim || mask.length != batch * seq) {
            throw new IllegalArgumentException(
                    "shape mismatch: hidden="
                            + hidden.length
                            + ", mask="
                            + mask.length
                            + ", batch="
                            + batch
                            + ", seq="
                            + seq
                            + ", dim="
                            + dim);
        }
        float[][] out = new float[batch][];
        double[] sum = new double[dim];
        for (int b = 0; b < batch; b++) {
            java.util.Arrays.fill(sum, 0.0);
            long count = 0;
            for (int t = 0; t < seq; t++) {
                // Padding must not leak into the mean, or batching would change results.
                if (mask[b * seq + t] == 0) {
                    continue;
                }
                count++;
                int base = (b * seq + t) * dim;
                for (int d = 0; d < dim; d++) {
                    sum[d] += hidden[base + d];
                }
            }
            double divisor = Math.max(count, MIN_TOKEN_COUNT);
            for (int d = 0; d < dim; d++) {
                sum[d] /= divisor;
            }
            out[b] = normalize(sum);
        }
        return out;
    }

    static float[] normalize(double[] v) {
        double squares = 0.0;
        for (double x : v) {
            squares += x * x;
        }
        double norm = Math.max(Math.sqrt(squares), MIN_NORM);
        float[] unit = new float[v.length];
        for (int d = 0; d < v.length; d++) {
            unit[d] = (float) (v[d] / norm);
        }
        return unit;
    }
}
