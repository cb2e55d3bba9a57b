package dev.newsflow.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
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

    @Test
    void embeddingsThatCannotBeComparedAreNotUsable() {
        assertThat(Vectors.usable(null)).isNull();
        assertThat(Vectors.usable(List.of())).isNull();
        assertThat(Vectors.usable(List.of(0f, 0f))).isNull();
        assertThat(Vectors.usable(List.of(1f, Float.NaN))).isNull();
        assertThat(Vectors.usable(List.of(0.6f, 0.8f))).containsExactly(0.6f, 0.8f);
    }

    @Test
    void cosineAcrossDimensionsIsZeroButArithmeticAcrossThemIsRejected() {
        assertThat(Vectors.cosine(new float[] {1, 0}, new float[] {1, 0, 0})).isZero();
        assertThatThrownBy(() -> Vectors.addTo(new float[] {1}, new float[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Vectors.plus(new float[] {1}, new float[] {1, 2}, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addToSumsInPlace() {
        float[] sum = {1, 0};
        Vectors.addTo(sum, new float[] {0, 2});
        assertThat(sum).containsExactly(1f, 2f);
    }
}
