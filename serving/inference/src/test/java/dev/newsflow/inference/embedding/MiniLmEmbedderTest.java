package dev.newsflow.inference.embedding;

import static dev.newsflow.inference.embedding.NewsTexts.FOOTBALL_MATCH;
import static dev.newsflow.inference.embedding.NewsTexts.FOOTBALL_REPORT;
import static dev.newsflow.inference.embedding.NewsTexts.RATE_DECISION;
import static dev.newsflow.inference.embedding.VectorAssert.assertUnitVector;
import static dev.newsflow.inference.embedding.VectorAssert.cosine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Output contract and model fidelity of {@link MiniLmEmbedder}. */
class MiniLmEmbedderTest {

    private static MiniLmEmbedder embedder;

    @BeforeAll
    static void openModel() {
        embedder = new MiniLmEmbedder();
    }

    @AfterAll
    static void closeModel() {
        embedder.close();
    }

    @Test
    void describesTheModel() {
        assertThat(embedder.dimension()).isEqualTo(384);
        assertThat(embedder.modelName()).isEqualTo("all-MiniLM-L6-v2");
    }

    @Test
    void runsWithDjlOfflineSoNothingCanBeDownloaded() {
        // The embedder opened with DJL offline: natives came from the jars on the classpath.
        assertThat(ai.djl.util.Utils.isOfflineMode()).isTrue();
        assertThat(embedder.embed(List.of("offline"))[0]).hasSize(384);
    }

    @Test
    void returnsOneUnitVectorOf384PerTextInOrder() {
        // Given
        List<String> texts = List.of(FOOTBALL_MATCH, RATE_DECISION);

        // When
        float[][] vectors = embedder.embed(texts);

        // Then
        assertThat(vectors).hasNumberOfRows(2);
        assertUnitVector(vectors[0], 384);
        assertUnitVector(vectors[1], 384);
        assertThat(vectors[0]).isEqualTo(embedder.embed(List.of(FOOTBALL_MATCH))[0]);
    }

    @Test
    void twoFootballTextsAreCloserToEachOtherThanToARateDecision() {
        // Given / When
        float[][] v = embedder.embed(List.of(FOOTBALL_MATCH, FOOTBALL_REPORT, RATE_DECISION));

        // Then
        double football = cosine(v[0], v[1]);
        assertThat(football)
                .isGreaterThan(cosine(v[0], v[2]) + 0.1)
                .isGreaterThan(cosine(v[1], v[2]) + 0.1);
    }

    /**
     * Leading components of sentence-transformers' all-MiniLM-L6-v2 vectors. "a product": the
     * Hugging Face inference API, as recorded in Debezium's HuggingFaceMiniLmL6V2IT; the other
     * three: the SentenceTransformers reference prefixes of an R sbert package's integration test
     * (the first also appears in the sentence-transformers usage examples).
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "a product|-0.07157832,0.02243797,-0.02365577,-0.014294202,0.0048212307,0.020384131",
                "This is an example sentence|0.06765693,0.06349593,0.04871314,0.07930495,0.03744806,"
                        + "0.00265273",
                "Each sentence is converted.|0.07853645,0.08856265,-0.00209270,-0.00717247,"
                        + "-0.01252624,0.01881747",
                "Café déjà vu — 東京|0.05083271,0.00967685,0.09635572,-0.00997369,-0.01987603,"
                        + "0.01692343"
            })
    void matchesSentenceTransformersReferenceVectors(String sentence, String expectedPrefix) {
        // Given
        double[] expected =
                Arrays.stream(expectedPrefix.split(",")).mapToDouble(Double::parseDouble).toArray();

        // When
        float[] actual = embedder.embed(List.of(sentence))[0];

        // Then
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual[i])
                    .as("component %d", i)
                    .isCloseTo(expected[i], within(1e-5));
        }
    }

    @Test
    void emptyStringGivesTheFiniteVectorOfClsSep() {
        // When
        float[] empty = embedder.embed(List.of(""))[0];

        // Then: a valid unit vector, the same as sentence-transformers gives for ""
        assertUnitVector(empty, 384);
        assertThat((double) empty[0]).isCloseTo(-0.11883835, within(1e-5));
        assertThat((double) empty[4]).isCloseTo(0.05195070, within(1e-5));
    }

    @Test
    void emptyListGivesNoVectors() {
        assertThat(embedder.embed(List.of())).isEmpty();
    }

    @Test
    void rejectsNullElementsNamingTheIndex() {
        assertThatThrownBy(() -> embedder.embed(Arrays.asList("ok", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("texts[1]");
    }

    @Test
    void refusesToEmbedAfterCloseAndClosesIdempotently() {
        // Given
        MiniLmEmbedder closed = new MiniLmEmbedder(MiniLmOptions.defaults().withIntraOpThreads(1));
        closed.close();

        // When / Then
        closed.close();
        assertThatThrownBy(() -> closed.embed(List.of("late")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }
}
