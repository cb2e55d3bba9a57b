package dev.newsflow.benchmarks.summarization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** ROUGE on examples small enough to count by hand (the counts are in the comments). */
class RougeTest {

    private static final Offset<Double> EXACT = within(1e-9);

    // 7 candidate tokens, 6 reference tokens.
    private static final String CANDIDATE = "The cat was found under the bed.";
    private static final String REFERENCE = "the cat was under the bed";

    @Test
    void tokenizesLikeRougeScoreLowercasedAlphanumericRuns() {
        assertThat(Rouge.tokenize("The U.S. GDP rose 3.7% -- in Q2, didn't it?"))
                .containsExactly(
                        "the", "u", "s", "gdp", "rose", "3", "7", "in", "q2", "didn", "t", "it");
        assertThat(Rouge.tokenize("Café")).containsExactly("caf");
        assertThat(Rouge.tokenize(" ... ")).isEmpty();
    }

    @Test
    void rouge1CountsClippedUnigramOverlap() {
        // Overlap: the x2 (min(2, 2)), cat, was, under, bed = 6. P = 6/7, R = 6/6.
        RougeScore score = Rouge.rougeN(CANDIDATE, REFERENCE, 1);

        assertThat(score.precision()).isCloseTo(6.0 / 7, EXACT);
        assertThat(score.recall()).isCloseTo(1.0, EXACT);
        assertThat(score.f1()).isCloseTo(12.0 / 13, EXACT);
    }

    @Test
    void rouge2CountsBigramOverlap() {
        // Candidate bigrams (6): the-cat cat-was was-found found-under under-the the-bed.
        // Reference bigrams (5): the-cat cat-was was-under under-the the-bed. Overlap 4.
        RougeScore score = Rouge.rougeN(CANDIDATE, REFERENCE, 2);

        assertThat(score.precision()).isCloseTo(4.0 / 6, EXACT);
        assertThat(score.recall()).isCloseTo(4.0 / 5, EXACT);
        assertThat(score.f1()).isCloseTo(8.0 / 11, EXACT);
    }

    @Test
    void repeatedNgramsAreClippedToTheReferenceCount() {
        // Candidate "the the the": 3 unigrams, reference has "the" once -> 1 match.
        RougeScore score = Rouge.rougeN("the the the", "the cat", 1);

        assertThat(score.precision()).isCloseTo(1.0 / 3, EXACT);
        assertThat(score.recall()).isCloseTo(1.0 / 2, EXACT);
        assertThat(score.f1()).isCloseTo(0.4, EXACT);
    }

    @Test
    void rougeLUsesTheLongestCommonSubsequenceOfTheWholeTexts() {
        // LCS("the cat was found under the bed", "the cat was under the bed") = 6.
        assertThat(Rouge.rougeL(CANDIDATE, REFERENCE).f1()).isCloseTo(12.0 / 13, EXACT);

        // Order matters: LCS("a b c d", "d c b a") = 1. P = R = F = 1/4.
        RougeScore reversed = Rouge.rougeL("a b c d", "d c b a");
        assertThat(reversed.f1()).isCloseTo(0.25, EXACT);

        // LCS("a x b y c", "a b c") = 3: P = 3/5, R = 1, F = 0.75.
        assertThat(Rouge.rougeL("a x b y c", "a b c").f1()).isCloseTo(0.75, EXACT);
    }

    @Test
    void rougeLsumTakesTheUnionOfLcsPerReferenceSentence() {
        // Lin (2004), section 3.2: r = w1 w2 w3 w4 w5; c1 = w1 w2 w6 w7 w8; c2 = w1 w3 w8 w9 w5.
        // LCS(r, c1) = w1 w2, LCS(r, c2) = w1 w3 w5, union = w1 w2 w3 w5 -> 4 hits.
        // R = 4/5, P = 4/10, F = 2 * 0.8 * 0.4 / 1.2 = 8/15.
        RougeScore score =
                Rouge.rougeLsum(
                        List.of("w1 w2 w6 w7 w8", "w1 w3 w8 w9 w5"), List.of("w1 w2 w3 w4 w5"));

        assertThat(score.recall()).isCloseTo(0.8, EXACT);
        assertThat(score.precision()).isCloseTo(0.4, EXACT);
        assertThat(score.f1()).isCloseTo(8.0 / 15, EXACT);
    }

    @Test
    void rougeLsumCountsEachTokenAtMostAsOftenAsItOccursOnBothSides() {
        // Two reference sentences both match the candidate's single "a": only one hit.
        // R = 1/2, P = 1/1, F = 2/3.
        RougeScore score = Rouge.rougeLsum(List.of("a"), List.of("a", "a"));

        assertThat(score.recall()).isCloseTo(0.5, EXACT);
        assertThat(score.precision()).isCloseTo(1.0, EXACT);
        assertThat(score.f1()).isCloseTo(2.0 / 3, EXACT);
    }

    @Test
    void identicalTextsScoreOneAndDisjointOrEmptyTextsZero() {
        assertThat(Rouge.rougeN(REFERENCE, REFERENCE, 2).f1()).isCloseTo(1.0, EXACT);
        assertThat(Rouge.rougeL(REFERENCE, REFERENCE).f1()).isCloseTo(1.0, EXACT);
        assertThat(Rouge.rougeN("dog", "cat", 1)).isEqualTo(RougeScore.ZERO);
        assertThat(Rouge.rougeN("", REFERENCE, 1)).isEqualTo(RougeScore.ZERO);
        assertThat(Rouge.rougeN("one", "one", 2)).isEqualTo(RougeScore.ZERO);
    }

    @Test
    void reportAveragesPerArticleF1() {
        // Given: one perfect summary and one with nothing in common
        RougeReport report = new RougeReport();
        report.add("the cat sat.", "the cat sat.");
        report.add("dogs bark.", "the cat sat.");

        // Then
        assertThat(report.count()).isEqualTo(2);
        assertThat(report.rouge1()).isCloseTo(0.5, EXACT);
        assertThat(report.rouge2()).isCloseTo(0.5, EXACT);
        assertThat(report.rougeL()).isCloseTo(0.5, EXACT);
        assertThat(report.rougeLsum()).isCloseTo(0.5, EXACT);
        assertThat(report.format()).isEqualTo("R-1 50.00  R-2 50.00  R-L 50.00  R-Lsum 50.00");
    }

    @Test
    void lead3TakesTheFirstThreeSentences() {
        assertThat(Lead3.summarize("One. Two. Three. Four.")).isEqualTo("One. Two. Three.");
        assertThat(Lead3.summarize("Only one.")).isEqualTo("Only one.");
    }
}
