package dev.newsflow.inference.embedding;

import static dev.newsflow.inference.embedding.NewsTexts.FOOTBALL_MATCH;
import static dev.newsflow.inference.embedding.NewsTexts.FOOTBALL_REPORT;
import static dev.newsflow.inference.embedding.NewsTexts.PARAGRAPH;
import static dev.newsflow.inference.embedding.NewsTexts.RATE_DECISION;
import static dev.newsflow.inference.embedding.NewsTexts.SHORT;
import static dev.newsflow.inference.embedding.VectorAssert.assertSameVectors;
import static dev.newsflow.inference.embedding.VectorAssert.assertUnitVector;
import static dev.newsflow.inference.embedding.VectorAssert.maxAbsDiff;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Batching, truncation and concurrency must not change what {@link MiniLmEmbedder} returns. */
class MiniLmEmbedderBatchingTest {

    private static final double SAME = 1e-4;

    private static MiniLmEmbedder embedder;

    /** One 32-token window and batches of two, to exercise truncation and list splitting. */
    private static MiniLmEmbedder narrow;

    @BeforeAll
    static void openModels() {
        embedder = new MiniLmEmbedder();
        narrow =
                new MiniLmEmbedder(
                        MiniLmOptions.defaults()
                                .withWindows(TokenWindows.truncating(32))
                                .withMaxBatchSize(2));
    }

    @AfterAll
    static void closeModels() {
        embedder.close();
        narrow.close();
    }

    @Test
    void oneBatchOfMixedLengthsEqualsEmbeddingEachAlone() {
        // Given texts from 4 to about 250 word pieces, so that the short ones are mostly padding
        List<String> texts = List.of(SHORT, PARAGRAPH, FOOTBALL_MATCH);

        // When
        float[][] batched = embedder.embed(texts);
        float[][] alone = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            alone[i] = embedder.embed(List.of(texts.get(i)))[0];
        }

        // Then padding did not leak into the mean
        assertSameVectors(batched, alone, SAME);
    }

    @Test
    void listsLongerThanTheBatchAreSplitWithoutChangingResults() {
        // Given five texts well within the 32-token window, and batches of two
        List<String> texts =
                List.of(
                        SHORT,
                        "Liverpool win at Anfield with a late header.",
                        "The central bank raises its key rate by a quarter point.",
                        "",
                        "Oil prices climb.");

        // When
        float[][] split = narrow.embed(texts);

        // Then
        assertSameVectors(split, embedder.embed(texts), SAME);
    }

    @Test
    void twentyThousandWordsAreReadOnlyUpToTheWindowCapKeepingTheTitle() {
        // Given an article of 20,000 words and a copy cut after 3,000 words, both longer than
        // the 8 windows read (about 1,800 word pieces)
        String title = "Carmakers hit by new US tariffs.";
        String huge = NewsTexts.longArticle(title, 20_000);
        String cut = NewsTexts.longArticle(title, 3_000);

        // When
        float[][] v = embedder.embed(List.of(huge, cut));

        // Then both are the same first eight windows
        assertUnitVector(v[0], 384);
        assertThat(maxAbsDiff(v[0], v[1])).isLessThanOrEqualTo(SAME);
    }

    @Test
    void windowOptionDecidesWhereTextStopsCounting() {
        // Given two texts that differ only after the 32nd word piece
        String prefix = NewsTexts.longArticle("Markets fall.", 40);
        List<String> texts = List.of(prefix + " " + FOOTBALL_MATCH, prefix + " " + RATE_DECISION);

        // When
        float[][] narrowed = narrow.embed(texts);
        float[][] wide = embedder.embed(texts);

        // Then only the wide window sees the difference
        assertThat(maxAbsDiff(narrowed[0], narrowed[1])).isLessThanOrEqualTo(SAME);
        assertThat(maxAbsDiff(wide[0], wide[1])).isGreaterThan(1e-2);
    }

    @Test
    void fourConcurrentCallersGetTheSequentialVectors() throws Exception {
        // Given
        List<List<String>> work =
                List.of(
                        List.of(FOOTBALL_MATCH, SHORT),
                        List.of(RATE_DECISION),
                        List.of(PARAGRAPH, FOOTBALL_REPORT, ""),
                        List.of(SHORT, RATE_DECISION, FOOTBALL_MATCH));
        List<float[][]> sequential = new ArrayList<>();
        for (List<String> texts : work) {
            sequential.add(embedder.embed(texts));
        }

        // When each of 4 threads embeds its list 5 times, all starting together
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<float[][]>>> futures = new ArrayList<>();
        try {
            for (List<String> texts : work) {
                futures.add(
                        pool.submit(
                                () -> {
                                    start.await();
                                    List<float[][]> rounds = new ArrayList<>();
                                    for (int round = 0; round < 5; round++) {
                                        rounds.add(embedder.embed(texts));
                                    }
                                    return rounds;
                                }));
            }
            start.countDown();

            // Then
            for (int t = 0; t < work.size(); t++) {
                for (float[][] round : futures.get(t).get()) {
                    assertSameVectors(round, sequential.get(t), 1e-6);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
