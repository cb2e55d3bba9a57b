package dev.newsflow.inference.summarization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.inference.testing.FakeTextEmbedder;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractiveSummarizerTest {

    private static final String ARTICLE =
            "The city council approved the new flood barrier on Tuesday after a long debate."
                    + " The barrier will protect four thousand homes along the river from winter"
                    + " storms. Construction of the flood barrier starts in March and should take"
                    + " two years to complete. Critics said the council ignored cheaper options"
                    + " for the river homes. Scroll down for video. The mayor, who backed the"
                    + " barrier from the start, called the flood barrier vote a turning point for"
                    + " the city. A local bakery also won a prize for its bread this week.";

    private final FakeTextEmbedder embedder = new FakeTextEmbedder();
    private final ExtractiveSummarizer summarizer =
            new ExtractiveSummarizer(embedder, SummarizerOptions.defaults());

    @Test
    void summaryIsThreeOfTheArticlesSentencesVerbatimInDocumentOrder() {
        // When
        String summary = summarizer.summarize(ARTICLE);

        // Then
        List<String> articleSentences = new SentenceSplitter().split(ARTICLE);
        List<String> summarySentences = new SentenceSplitter().split(summary);
        assertThat(summarySentences).hasSize(3);
        assertThat(articleSentences).containsSubsequence(summarySentences);
        assertThat(summary).startsWith("The city council approved the new flood barrier");
        assertThat(summary).doesNotContain("Scroll down", "bakery");
    }

    @Test
    void shortArticlesAreTheirOwnSummaryAndEmptyOnesGiveEmptySummaries() {
        assertThat(summarizer.summarize("Only one sentence here."))
                .isEqualTo("Only one sentence here.");
        assertThat(summarizer.summarize("")).isEmpty();
        assertThat(summarizer.summarize("   ")).isEmpty();
    }

    @Test
    void severalArticlesShareOneEmbeddingCall() {
        // When
        List<String> summaries =
                summarizer.summarizeAll(List.of(ARTICLE, "", "Short one. Another short one."));

        // Then
        assertThat(summaries).hasSize(3);
        assertThat(summaries.get(1)).isEmpty();
        assertThat(summaries.get(2)).isEqualTo("Short one. Another short one.");
        assertThat(embedder.calls()).hasSize(1);
        assertThat(embedder.calls().get(0)).hasSize(7 + 2);
    }

    @Test
    void onlyTheFirstCandidatesAreEmbedded() {
        // Given: 50 sentences, a cap of 40
        String longArticle = "This is sentence number one of many in the article. ".repeat(50);

        // When
        summarizer.summarize(longArticle);

        // Then
        assertThat(embedder.calls().get(0)).hasSize(40);
    }

    @Test
    void embedsSentencesShortestFirstAndHandsEachVectorBackToItsSentence() {
        // Given
        List<String> sentences =
                List.of(
                        "A much longer sentence about the flood barrier vote.",
                        "Short.",
                        "Mid one.");

        // When
        float[][] vectors = summarizer.embedByLength(sentences);

        // Then: one model call, sorted by length, so that batches pad little
        assertThat(embedder.calls())
                .containsExactly(
                        List.of(
                                "Short.",
                                "Mid one.",
                                "A much longer sentence about the flood barrier vote."));
        for (int i = 0; i < sentences.size(); i++) {
            assertThat(vectors[i]).containsExactly(FakeTextEmbedder.vector(sentences.get(i)));
        }
    }

    @Test
    void describesItselfAsTheStandInForTheLlm() {
        assertThat(ExtractiveSummarizer.DESCRIPTION).contains("stand-in", "7B");
    }
}
