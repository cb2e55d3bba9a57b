package dev.newsflow.jobs.functions.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.newsflow.jobs.testing.NewsTexts;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MinHashTest {

    private final MinHash minHash = new MinHash(256, 3);

    @Test
    void signaturesAreFixedFunctionsOfTheText() {
        // Band index members written by one release are compared with probes of the next: a change
        // of words, seeds or mixing must be a deliberate, migrated change, never an accident.
        int[] signature = new MinHash(128, 3).signature("The ferry terminal opens in March.");

        assertThat(Arrays.copyOf(signature, 4)).containsExactly(GOLDEN);
        assertThat(new MinHash(128, 3).signature("the  FERRY terminal opens in march"))
                .containsExactly(signature);
    }

    /** The first values, also computed by an independent (Python) MurmurHash3 implementation. */
    private static final int[] GOLDEN = {-1848556141, -1596212709, -807210596, -1671652289};

    @Test
    void estimateTracksTheTrueJaccardOfTheShingleSets() {
        String base = words(0, 400);
        double totalError = 0;
        int pairs = 0;
        for (int shift = 0; shift <= 300; shift += 20) {
            String shifted = words(shift, 400 + shift);
            double truth = jaccard(shingles(base), shingles(shifted));

            double estimate =
                    MinHash.similarity(minHash.signature(base), minHash.signature(shifted));

            // 400 words, 3-word shingles: (398 - shift) shared of (398 + shift)
            assertThat(truth).isCloseTo((398.0 - shift) / (398 + shift), within(1e-9));
            assertThat(estimate).isCloseTo(truth, within(0.1));
            totalError += Math.abs(estimate - truth);
            pairs++;
        }
        // standard error at J = 0.5 with 256 hashes is 0.031; the mean error is well below it
        assertThat(totalError / pairs).isLessThan(0.03);
    }

    @Test
    void aCopyWithBoilerplateIsEstimatedNearItsTrueSimilarity() {
        String copy = NewsTexts.withBoilerplate(NewsTexts.FLOODS);
        double truth = jaccard(shingles(NewsTexts.FLOODS), shingles(copy));

        double estimate =
                MinHash.similarity(minHash.signature(NewsTexts.FLOODS), minHash.signature(copy));

        assertThat(truth).isBetween(0.7, 0.9);
        assertThat(estimate).isCloseTo(truth, within(0.1));
    }

    @Test
    void unrelatedArticlesShareAlmostNoShingles() {
        double estimate =
                MinHash.similarity(
                        minHash.signature(NewsTexts.FLOODS), minHash.signature(NewsTexts.EARNINGS));

        assertThat(estimate).isLessThan(0.05);
    }

    @Test
    void shortAndWordlessTextsStillHaveSignatures() {
        assertThat(minHash.shingleHashes(DedupText.normalize("Two words"))).hasSize(1);
        assertThat(minHash.shingleHashes(DedupText.normalize("…!?"))).hasSize(1);
        assertThat(minHash.signature("…!?")).containsExactly(minHash.signature("…!?"));
        assertThat(MinHash.similarity(minHash.signature("…!?"), minHash.signature("Two words")))
                .isLessThan(0.05);
    }

    @Test
    void signaturesOfDifferentLengthsCannotBeCompared() {
        assertThatThrownBy(() -> MinHash.similarity(new int[2], new int[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different lengths");
        assertThatThrownBy(() -> new MinHash(0, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String words(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
    }

    private Set<Long> shingles(String text) {
        Set<Long> set = new HashSet<>();
        for (long h : minHash.shingleHashes(DedupText.normalize(text))) {
            set.add(h);
        }
        return set;
    }

    private static double jaccard(Set<Long> a, Set<Long> b) {
        Set<Long> union = new HashSet<>(a);
        union.addAll(b);
        Set<Long> intersection = new HashSet<>(a);
        intersection.retainAll(b);
        return (double) intersection.size() / union.size();
    }
}
