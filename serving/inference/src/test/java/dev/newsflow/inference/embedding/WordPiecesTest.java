package dev.newsflow.inference.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link WordPieces}: whole texts, no specials, the same ids the truncating tokenizer gave. */
class WordPiecesTest {

    private static WordPieces wordPieces;

    @BeforeAll
    static void open() {
        wordPieces = WordPieces.open();
    }

    @AfterAll
    static void close() {
        wordPieces.close();
    }

    @Test
    void clsAndSepAreBertsIds() {
        assertThat(wordPieces.cls()).isEqualTo(101);
        assertThat(wordPieces.sep()).isEqualTo(102);
    }

    @Test
    void readsTheWholeTextWithoutTheJarsFixed128TokenCut() {
        // Given an article of 2,000 words (the jar's tokenizer.json truncates and pads at 128)
        String article = NewsTexts.longArticle("Carmakers hit by new US tariffs.", 2_000);

        // When
        long[] ids = wordPieces.contentIds(List.of(article)).get(0);

        // Then every word is there, without [CLS], [SEP] or [PAD]
        assertThat(ids.length).isGreaterThan(2_000);
        assertThat(ids).doesNotContain(0L, 101L, 102L);
        assertThat(wordPieces.decode(ids)).startsWith("carmakers hit by new us tariffs.");
    }

    @Test
    void clsContentSepIsExactlyWhatTheOldTruncatingTokenizerGaveForShortTexts() throws Exception {
        // Given the tokenizer as the embedder used to open it: specials, truncation at 256
        Map<String, String> old =
                Map.of(
                        "addSpecialTokens", "true",
                        "padding", "true",
                        "truncation", "true",
                        "maxLength", "256");
        List<String> texts = List.of(NewsTexts.FOOTBALL_MATCH, NewsTexts.LEAD, "", "Café 東京");
        try (InputStream in = ModelResources.open(ModelResources.TOKENIZER);
                HuggingFaceTokenizer truncating = HuggingFaceTokenizer.newInstance(in, old)) {
            for (int i = 0; i < texts.size(); i++) {
                // When
                WindowPlan plan =
                        WindowPlan.of(
                                wordPieces.contentIds(List.of(texts.get(i))),
                                TokenWindows.defaults(),
                                wordPieces.cls(),
                                wordPieces.sep());

                // Then
                assertThat(plan.rows()).hasSize(1);
                assertThat(plan.rows().get(0).ids())
                        .as(texts.get(i))
                        .containsExactly(truncating.encode(texts.get(i)).getIds());
            }
        }
    }

    @Test
    void theVocabularyEndsAt30522() {
        assertThat(wordPieces.decode(new long[] {WordPieces.VOCABULARY_SIZE - 1})).isNotEmpty();
        assertThat(wordPieces.decode(new long[] {WordPieces.VOCABULARY_SIZE})).isEmpty();
    }
}
