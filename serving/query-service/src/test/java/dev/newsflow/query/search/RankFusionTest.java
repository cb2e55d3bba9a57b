package dev.newsflow.query.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.newsflow.query.search.RankFusion.Fused;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankFusionTest {

    @Test
    void scoreIsTheSumOfReciprocalRanksOverBothLists() {
        // Given: b is second in BM25 and first in kNN; a only in BM25; c only in kNN
        List<String> bm25 = List.of("a", "b");
        List<String> knn = List.of("b", "c");

        // When
        List<Fused> fused = RankFusion.fuse(bm25, knn, 10, 60);

        // Then
        assertThat(fused).extracting(Fused::id).containsExactly("b", "a", "c");
        assertThat(fused.get(0).score()).isCloseTo(1.0 / 62 + 1.0 / 61, within(1e-12));
        assertThat(fused.get(0).bm25Rank()).isEqualTo(2);
        assertThat(fused.get(0).knnRank()).isEqualTo(1);
        assertThat(fused.get(1)).isEqualTo(new Fused("a", 1.0 / 61, 1, null));
        assertThat(fused.get(2)).isEqualTo(new Fused("c", 1.0 / 62, null, 2));
    }

    @Test
    void equalScoresKeepBm25OrderThenKnnOrder() {
        // a is first in BM25, c first in kNN: equal scores, BM25's comes first
        List<Fused> fused = RankFusion.fuse(List.of("a"), List.of("c"), 10, 60);

        assertThat(fused).extracting(Fused::id).containsExactly("a", "c");
    }

    @Test
    void keepsOnlyTheBestKAndToleratesEmptyLists() {
        assertThat(RankFusion.fuse(List.of("a", "b", "c"), List.of(), 2, 60))
                .extracting(Fused::id)
                .containsExactly("a", "b");
        assertThat(RankFusion.fuse(List.of(), List.of(), 5, 60)).isEmpty();
    }

    @Test
    void aRepeatedIdKeepsItsBestRank() {
        List<Fused> fused = RankFusion.fuse(List.of("a", "a"), List.of(), 5, 60);

        assertThat(fused).containsExactly(new Fused("a", 1.0 / 61, 1, null));
    }

    @Test
    void refusesNonPositiveK() {
        assertThatThrownBy(() -> RankFusion.fuse(List.of(), List.of(), 0, 60))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
