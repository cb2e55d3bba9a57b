package dev.newsflow.inference.summarization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Selection on hand-made unit vectors, so each signal can be isolated. */
class SentenceSelectorTest {

    /** Eight words: within the default length window. */
    private static final String WORDS = "one two three four five six seven eight";

    private static float[] axis(int dimension) {
        float[] v = new float[4];
        v[dimension] = 1f;
        return v;
    }

    /** Options with only the named signal switched on (and length limits from 1 to 100 words). */
    private static SummarizerOptions only(
            double lexical, double embedding, double position, double lambda) {
        return new SummarizerOptions(
                3, 40, 1, 100, lexical, embedding, position, 6.0, 0, 22, lambda);
    }

    @Test
    void documentsOfAtMostThreeSentencesAreReturnedWhole() {
        SentenceSelector selector = new SentenceSelector(SummarizerOptions.defaults());

        assertThat(selector.select(List.of("A.", "B."), new float[][] {axis(0), axis(1)}))
                .containsExactly(0, 1);
        assertThat(selector.select(List.of(), new float[0][])).isEmpty();
    }

    @Test
    void withOnlyThePositionPriorTheLeadIsPicked() {
        // Given: five sentences, all orthogonal
        List<String> sentences = Collections.nCopies(5, WORDS);
        float[][] vectors = {axis(0), axis(1), axis(2), axis(3), axis(0)};

        // When
        int[] chosen = new SentenceSelector(only(0, 0, 1, 1.0)).select(sentences, vectors);

        // Then
        assertThat(chosen).containsExactly(0, 1, 2);
    }

    @Test
    void semanticCentralityPicksTheSentencesOnTheDocumentsTopic() {
        // Given: sentences 1, 3 and 4 share a direction; 0 and 2 are off-topic
        List<String> sentences = Collections.nCopies(5, WORDS);
        float[][] vectors = {axis(1), axis(0), axis(2), axis(0), axis(0)};

        // When
        int[] chosen = new SentenceSelector(only(0, 1, 0, 1.0)).select(sentences, vectors);

        // Then: in document order
        assertThat(chosen).containsExactly(1, 3, 4);
    }

    @Test
    void redundancyControlSkipsASecondCopyOfTheSameContent() {
        // Given: sentence 1 repeats sentence 0
        List<String> sentences = Collections.nCopies(5, WORDS);
        float[][] vectors = {axis(0), axis(0), axis(1), axis(2), axis(3)};

        // When: position alone would take 0, 1, 2
        int[] withoutMmr = new SentenceSelector(only(0, 0, 1, 1.0)).select(sentences, vectors);
        int[] withMmr = new SentenceSelector(only(0, 0, 1, 0.5)).select(sentences, vectors);

        // Then
        assertThat(withoutMmr).containsExactly(0, 1, 2);
        assertThat(withMmr).containsExactly(0, 2, 3);
    }

    @Test
    void lexicalCentralityFavoursTheArticlesRecurringWords() {
        // Given: "flood barrier" recurs; one sentence is about something else
        List<String> sentences =
                List.of(
                        "Weather was mild across the region today",
                        "The flood barrier vote passed",
                        "Council debated the flood barrier",
                        "Residents welcomed the flood barrier",
                        "Football results arrived late");

        // When
        double[] lexical = SentenceSelector.lexicalCentrality(sentences);

        // Then
        assertThat(lexical[1]).isGreaterThan(lexical[0]).isGreaterThan(lexical[4]);
        int[] chosen =
                new SentenceSelector(only(1, 0, 0, 1.0))
                        .select(
                                sentences,
                                new float[][] {axis(0), axis(0), axis(0), axis(0), axis(0)});
        assertThat(chosen).containsExactly(1, 2, 3);
    }

    @Test
    void tooShortAndTooLongSentencesAreNotPickedWhileOthersRemain() {
        // Given: defaults exclude sentences under 6 and over 55 words
        String tiny = "Scroll down.";
        String huge = (WORDS + " ").repeat(8).strip();
        List<String> sentences = List.of(tiny, huge, WORDS, WORDS, WORDS, WORDS);
        float[][] vectors = {axis(0), axis(0), axis(0), axis(1), axis(2), axis(3)};

        // When
        int[] chosen =
                new SentenceSelector(SummarizerOptions.defaults()).select(sentences, vectors);

        // Then
        assertThat(chosen).doesNotContain(0, 1).hasSize(3);
    }

    @Test
    void contentWordsAreLowerCasedWithoutStopWordsOrNumbers() {
        assertThat(SentenceSelector.contentWords("The Mayor's 2015 plan, and Flood-Barrier costs"))
                .containsExactly("mayor", "plan", "flood", "barrier", "costs");
        assertThat(SentenceSelector.wordCount("It rose 3.7% — don't panic.")).isEqualTo(5);
    }

    @Test
    void rescaleMapsToTheUnitInterval() {
        assertThat(SentenceSelector.rescale(new double[] {2, 4, 3}))
                .containsExactly(new double[] {0, 1, 0.5}, within(1e-12));
        assertThat(SentenceSelector.rescale(new double[] {7, 7})).containsExactly(1, 1);
    }

    @Test
    void rejectsMismatchedSentencesAndVectors() {
        assertThatThrownBy(
                        () ->
                                new SentenceSelector(SummarizerOptions.defaults())
                                        .select(List.of("a", "b", "c", "d"), new float[1][]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 sentences but 1 embeddings");
    }
}
