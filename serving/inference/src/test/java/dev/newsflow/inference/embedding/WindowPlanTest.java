package dev.newsflow.inference.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** How {@link WindowPlan} lays out windows as rows and pools their vectors back per text. */
class WindowPlanTest {

    private static final long CLS = 101;
    private static final long SEP = 102;

    /** 4 content tokens a window, 1 repeated, at most 3 windows. */
    private static final TokenWindows WINDOWS = new TokenWindows(6, 1, 3);

    @Test
    void everyWindowIsClsContentSepAndTheTitleOpensTheFirst() {
        // Given a text of 7 word pieces (the "title" is 1, 2) and a short one
        long[] text = {1, 2, 3, 4, 5, 6, 7};
        long[] shortText = {9};

        // When
        WindowPlan plan = WindowPlan.of(List.of(text, shortText), WINDOWS, CLS, SEP);

        // Then the long text is windows [0,4) and [3,7), the short one a single window
        assertThat(plan.texts()).isEqualTo(2);
        assertThat(plan.windowsOf(0)).isEqualTo(2);
        assertThat(plan.windowsOf(1)).isEqualTo(1);
        assertThat(plan.rows()).hasSize(3);
        assertThat(plan.rows().get(0).ids()).containsExactly(CLS, 1, 2, 3, 4, SEP);
        assertThat(plan.rows().get(1).ids()).containsExactly(CLS, 4, 5, 6, 7, SEP);
        assertThat(plan.rows().get(2).ids()).containsExactly(CLS, 9, SEP);
        assertThat(plan.rows().get(2).mask()).containsOnly(1L);
        assertThat(plan.rows().get(2).types()).containsOnly(0L);
    }

    @Test
    void theCapDropsTheTail() {
        long[] text = LongStream.rangeClosed(1, 100).toArray();

        WindowPlan plan = WindowPlan.of(List.of(text), WINDOWS, CLS, SEP);

        assertThat(plan.windowsOf(0)).isEqualTo(3);
        assertThat(plan.rows().get(2).ids()).containsExactly(CLS, 7, 8, 9, 10, SEP);
    }

    @Test
    void aSingleWindowKeepsItsVectorUnchanged() {
        WindowPlan plan = WindowPlan.of(List.of(new long[] {9}), WINDOWS, CLS, SEP);
        float[] vector = {0.6f, 0.8f};

        assertThat(plan.pool(new float[][] {vector})[0]).isSameAs(vector);
    }

    @Test
    void windowsAreAveragedByTokenCountAndRenormalised() {
        // Given windows of 6 tokens (CLS + 4 + SEP) and 5 tokens (CLS + 3 + SEP)
        WindowPlan plan = WindowPlan.of(List.of(new long[] {1, 2, 3, 4, 5, 6}), WINDOWS, CLS, SEP);
        assertThat(plan.rows()).extracting(TokenRow::realTokens).containsExactly(6, 5);

        // When the first points along x and the second along y
        float[] pooled = plan.pool(new float[][] {{1f, 0f}, {0f, 1f}})[0];

        // Then the mean (6, 5) / 11, normalised
        double norm = Math.hypot(6, 5);
        assertThat((double) pooled[0]).isCloseTo(6 / norm, within(1e-6));
        assertThat((double) pooled[1]).isCloseTo(5 / norm, within(1e-6));
    }

    @Test
    void rejectsAVectorCountThatDoesNotMatchTheWindows() {
        WindowPlan plan = WindowPlan.of(List.of(new long[] {1, 2, 3, 4, 5}), WINDOWS, CLS, SEP);

        assertThatThrownBy(() -> plan.pool(new float[][] {{1f}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 vectors for 2 windows");
    }
}
