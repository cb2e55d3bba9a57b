package dev.newsflow.inference.embedding;

import static dev.newsflow.inference.embedding.NewsTexts.FLOOD_REPORT;
import static dev.newsflow.inference.embedding.NewsTexts.FOOTBALL_MATCH;
import static dev.newsflow.inference.embedding.NewsTexts.LEAD;
import static dev.newsflow.inference.embedding.NewsTexts.PARAGRAPH;
import static dev.newsflow.inference.embedding.NewsTexts.SHORT;
import static dev.newsflow.inference.embedding.VectorAssert.assertSameVectors;
import static dev.newsflow.inference.embedding.VectorAssert.assertUnitVector;
import static dev.newsflow.inference.embedding.VectorAssert.cosine;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Chunk-and-pool in {@link MiniLmEmbedder}, against the old truncating path on the real model. */
class MiniLmChunkingTest {

    private static MiniLmEmbedder chunking;

    /** The old behaviour: one 256-token window, the rest of a text cut off. */
    private static MiniLmEmbedder truncating;

    @BeforeAll
    static void openModels() {
        chunking = new MiniLmEmbedder();
        truncating =
                new MiniLmEmbedder(
                        MiniLmOptions.defaults().withWindows(TokenWindows.truncating(256)));
    }

    @AfterAll
    static void closeModels() {
        chunking.close();
        truncating.close();
    }

    @Test
    void textsThatFitOneWindowEmbedExactlyAsBefore() {
        // Given texts of 0 to about 70 word pieces
        List<String> texts = List.of(SHORT, FOOTBALL_MATCH, LEAD, "");

        // When / Then: bit for bit the truncating path
        float[][] chunked = chunking.embed(texts);
        float[][] truncated = truncating.embed(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(chunked[i]).as(texts.get(i)).isEqualTo(truncated[i]);
        }
    }

    @Test
    void aLongArticleIsCloserToItsSecondHalfThanItsTruncatedEmbeddingWas() {
        // Given an article whose first 256 word pieces are about tariffs and whose second half
        // (about 330 word pieces) is about a flood
        String article = "Tariffs and floods. " + PARAGRAPH + " " + FLOOD_REPORT;
        float[] secondHalf = chunking.embed(List.of(FLOOD_REPORT))[0];

        // When
        float[] chunked = chunking.embed(List.of(article))[0];
        float[] truncated = truncating.embed(List.of(article))[0];

        // Then the chunked vector has read the flood; the truncated one never saw it
        assertUnitVector(chunked, 384);
        assertThat(cosine(chunked, secondHalf)).isGreaterThan(cosine(truncated, secondHalf) + 0.1);
        // and still knows the first half
        float[] firstHalf = chunking.embed(List.of(PARAGRAPH))[0];
        assertThat(cosine(chunked, firstHalf)).isGreaterThan(0.5);
    }

    @Test
    void windowsOfLongAndShortTextsInOneCallEqualEachAlone() {
        // Given two long articles (3 windows each) and a short text in one call
        String tariffs = NewsTexts.longArticle("Carmakers hit by new US tariffs.", 500);
        String flood = "Riverton floods. " + FLOOD_REPORT + " " + FLOOD_REPORT;
        List<String> texts = List.of(tariffs, SHORT, flood);

        // When
        float[][] together = chunking.embed(texts);

        // Then
        float[][] alone = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            alone[i] = chunking.embed(List.of(texts.get(i)))[0];
        }
        assertSameVectors(together, alone, 1e-4);
    }
}
