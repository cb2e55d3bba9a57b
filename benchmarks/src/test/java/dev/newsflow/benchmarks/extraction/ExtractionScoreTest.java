package dev.newsflow.benchmarks.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.newsflow.benchmarks.extraction.ExtractionScore.Counts;
import dev.newsflow.benchmarks.extraction.ExtractionScore.Summary;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class ExtractionScoreTest {

    private static final Offset<Double> EXACT = within(1e-12);

    @Test
    void tokensAreRunsOfLettersNumbersAndUnderscoresLikePythonsW() {
        assertThat(ExtractionScore.tokens("Hello, wörld_1 — 3½ x!"))
                .containsExactly("Hello", "wörld_1", "3½", "x");
        // A combining accent is not a word character for Python's \w: it splits the word.
        assertThat(ExtractionScore.tokens("cafe\u0301 bar")).containsExactly("cafe", "bar");
        assertThat(ExtractionScore.tokens("东京 2020")).containsExactly("东京", "2020");
        assertThat(ExtractionScore.tokens(null)).isEmpty();
    }

    @Test
    void shinglesAreWordFourGramsWithCountsAndOneShortShingleForShortTexts() {
        assertThat(ExtractionScore.shingles("a b c d a b c d"))
                .isEqualTo(Map.of("a b c d", 2, "b c d a", 1, "c d a b", 1, "d a b c", 1));
        assertThat(ExtractionScore.shingles("a b c")).isEqualTo(Map.of("a b c", 1));
        assertThat(ExtractionScore.shingles("  ")).isEmpty();
    }

    @Test
    void oneWrongWordAtTheEndCostsOneShingleEachWay() {
        // truth {abcd, bcde}, prediction {abcd, bcdx}: tp 1, fp 1, fn 1, normalised to 1/3 each.
        Counts c = ExtractionScore.match("a b c d e", "a b c d x");

        assertThat(c.tp()).isCloseTo(1.0 / 3, EXACT);
        assertThat(c.fp()).isCloseTo(1.0 / 3, EXACT);
        assertThat(c.fn()).isCloseTo(1.0 / 3, EXACT);
        assertThat(c.precision()).isCloseTo(0.5, EXACT);
        assertThat(c.recall()).isCloseTo(0.5, EXACT);
        assertThat(c.f1()).isCloseTo(0.5, EXACT);
    }

    @Test
    void shinglesMatchAsMultisets() {
        // truth has "a b c d" twice and three other shingles; the prediction has it once.
        Counts c = ExtractionScore.match("a b c d a b c d", "a b c d");

        assertThat(c.precision()).isCloseTo(1.0, EXACT);
        assertThat(c.recall()).isCloseTo(1.0 / 5, EXACT);
    }

    @Test
    void matchingIsCaseSensitiveAndIgnoresPunctuationAndSpacing() {
        assertThat(ExtractionScore.match("The cat sat down.", "the cat sat down").tp()).isZero();
        assertThat(ExtractionScore.match("The cat, sat down.", "The\ncat sat -- down").tp())
                .isCloseTo(1.0, EXACT);
    }

    @Test
    void anEmptyPredictionCountsInRecallOnly() {
        Counts c = ExtractionScore.match("a b c d", "");

        assertThat(c.precision()).isNaN();
        assertThat(c.recall()).isZero();
        assertThat(c.f1()).isZero();
    }

    @Test
    void averagesPrecisionAndRecallOverPagesThenTakesF1OfTheAverages() {
        List<Counts> pages =
                List.of(
                        ExtractionScore.match("a b c d e", "a b c d x"), // P 1/2, R 1/2
                        ExtractionScore.match("a b c d a b c d", "a b c d"), // P 1, R 1/5
                        ExtractionScore.match("a b c d", "")); // P -, R 0

        Summary s = ExtractionScore.summarize(pages);

        double precision = (0.5 + 1.0) / 2;
        double recall = (0.5 + 0.2 + 0.0) / 3;
        assertThat(s.precision()).isCloseTo(precision, EXACT);
        assertThat(s.recall()).isCloseTo(recall, EXACT);
        assertThat(s.f1())
                .isCloseTo(2 * precision * recall / (precision + recall), EXACT)
                .isCloseTo(0.355932, within(1e-6));
        assertThat(s.pages()).isEqualTo(3);
    }

    @Test
    void aPerfectExtractionScoresOne() {
        Summary s =
                ExtractionScore.summarize(
                        List.of(
                                ExtractionScore.match(
                                        "One two three four five.", "One two three four five")));

        assertThat(s.f1()).isCloseTo(1.0, EXACT);
    }
}
