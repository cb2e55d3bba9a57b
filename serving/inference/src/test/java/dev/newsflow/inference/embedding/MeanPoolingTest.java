package dev.newsflow.inference.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MeanPoolingTest {

    @Test
    void averagesOnlyUnmaskedTokensAndNormalises() {
        // Given one text of two real tokens and one padding token with a huge value
        float[] hidden = {3f, 0f, 1f, 4f, 1000f, -1000f};
        long[] mask = {1, 1, 0};

        // When
        float[][] pooled = MeanPooling.poolAndNormalize(hidden, mask, 1, 3, 2);

        // Then the mean is (2, 2), so the unit vector is (1/sqrt2, 1/sqrt2): padding is ignored
        assertThat(pooled).hasDimensions(1, 2);
        assertThat(pooled[0][0]).isCloseTo((float) Math.sqrt(0.5), within(1e-6f));
        assertThat(pooled[0][1]).isCloseTo((float) Math.sqrt(0.5), within(1e-6f));
    }

    @Test
    void poolsEachRowOfTheBatchIndependently() {
        // Given two texts of one token each, the second padded
        float[] hidden = {0f, 5f, 7f, 7f, -2f, 0f, 9f, 9f};
        long[] mask = {1, 0, 1, 0};

        // When
        float[][] pooled = MeanPooling.poolAndNormalize(hidden, mask, 2, 2, 2);

        // Then
        assertThat(pooled[0]).containsExactly(0f, 1f);
        assertThat(pooled[1]).containsExactly(-1f, 0f);
    }

    @Test
    void allZeroInputStaysFiniteInsteadOfDividingByZero() {
        // Given a fully masked row
        float[] hidden = {1f, 2f};
        long[] mask = {0};

        // When
        float[][] pooled = MeanPooling.poolAndNormalize(hidden, mask, 1, 1, 2);

        // Then
        assertThat(pooled[0]).containsExactly(0f, 0f);
    }

    @Test
    void rejectsMismatchedShapes() {
        assertThatThrownBy(() -> MeanPooling.poolAndNormalize(new float[5], new long[2], 1, 2, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shape mismatch");
    }
}
