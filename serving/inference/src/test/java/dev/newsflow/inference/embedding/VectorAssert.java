package dev.newsflow.inference.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Vector math and assertions shared by the embedder tests. */
public final class VectorAssert {

    private VectorAssert() {}

    public static double dot(float[] a, float[] b) {
        double sum = 0.0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    public static double cosine(float[] a, float[] b) {
        return dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));
    }

    static double maxAbsDiff(float[] a, float[] b) {
        assertThat(a).hasSameSizeAs(b);
        double max = 0.0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    static void assertUnitVector(float[] v, int dimension) {
        assertThat(v).hasSize(dimension);
        for (float x : v) {
            assertThat(Float.isFinite(x)).as("finite component").isTrue();
        }
        assertThat(Math.sqrt(dot(v, v))).isCloseTo(1.0, within(1e-5));
    }

    static void assertSameVectors(float[][] actual, float[][] expected, double tolerance) {
        assertThat(actual).hasNumberOfRows(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(maxAbsDiff(actual[i], expected[i]))
                    .as("max |difference| of vector %d", i)
                    .isLessThanOrEqualTo(tolerance);
        }
    }
}
