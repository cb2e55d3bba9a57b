package dev.newsflow.jobs.functions.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LshBandsTest {

    private final LshBands bands = new LshBands(3, 2);

    @Test
    void aBandKeyDependsOnTheBandIndexAndOnlyItsOwnRows() {
        int[] zeros = new int[6];
        int[] lastBandDiffers = {0, 0, 0, 0, 7, 0};

        assertThat(bands.key(0, zeros)).isNotEqualTo(bands.key(1, zeros));
        assertThat(bands.key(0, lastBandDiffers)).isEqualTo(bands.key(0, zeros));
        assertThat(bands.key(1, lastBandDiffers)).isEqualTo(bands.key(1, zeros));
        assertThat(bands.key(2, lastBandDiffers)).isNotEqualTo(bands.key(2, zeros));
        assertThat(bands.keys(zeros)).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void signaturesAreCandidatesWhenOneWholeBandAgrees() {
        int[] a = {1, 2, 3, 4, 5, 6};

        assertThat(bands.shareBucket(a, new int[] {1, 9, 3, 4, 9, 6})).isTrue(); // band 1
        assertThat(bands.shareBucket(a, new int[] {1, 9, 3, 9, 5, 9})).isFalse(); // 3 of 6 agree
    }

    @Test
    void extraSignatureValuesBeyondTheBandsAreIgnored() {
        assertThat(bands.key(2, new int[] {1, 2, 3, 4, 5, 6, 7}))
                .isEqualTo(bands.key(2, new int[] {1, 2, 3, 4, 5, 6, 8}));
        assertThatThrownBy(() -> bands.key(0, new int[5]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bands.key(3, new int[6]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void candidateProbabilityIsTheSCurveOfBandsAndRows() {
        LshBands lsh = new LshBands(32, 4);

        assertThat(lsh.candidateProbability(0.5))
                .isCloseTo(1 - Math.pow(1 - 0.0625, 32), within(1e-12));
        assertThat(lsh.candidateProbability(0.2)).isLessThan(0.05);
        assertThat(lsh.candidateProbability(0.8)).isGreaterThan(0.999);
    }
}
