package dev.newsflow.jobs.functions.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VectorsTest {

    @Test
    void normalizedHasUnitLengthAndTheSameDirection() {
        float[] v = Vectors.normalized(new float[] {3, 4});

        assertThat(v).containsExactly(new float[] {0.6f, 0.8f}, within(1e-6f));
        assertThat(Vectors.norm(v)).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void aZeroOrEmptyVectorHasNoDirection() {
        assertThat(Vectors.normalized(new float[] {0, 0})).isEmpty();
        assertThat(Vectors.normalized(new float[0])).isEmpty();
        assertThat(Vectors.cosine(new float[] {0, 0}, new float[] {1, 0})).isZero();
    }

    @Test
    void plusTreatsAnEmptyVectorAsZero() {
        assertThat(Vectors.plus(new float[0], new float[] {1, 2}, 0.5)).containsExactly(0.5f, 1.0f);
        assertThat(Vectors.plus(new float[] {1, 1}, new float[] {1, 2}, -1))
                .containsExactly(0.0f, -1.0f);
    }

    @Test
    void cosineOfOppositeVectorsIsMinusOne() {
        assertThat(Vectors.cosine(new float[] {1, 2}, new float[] {-2, -4}))
                .isCloseTo(-1.0, within(1e-9));
    }

    @Test
    void vectorsOfDifferentDimensionsAreRejected() {
        assertThatThrownBy(() -> Vectors.dot(new float[] {1}, new float[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 and 2");
    }
}
