package dev.newsflow.inference.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The vLLM path's prompt: the one prompt file, rendered in ChatML, articles made safe. */
class SummaryPromptTest {

    @Test
    void isTheModelRepositorysPromptFile() throws Exception {
        // Given the file Triton's wrapper and the training data builder read
        Path file = Path.of("..", "triton", "model_repository", "summarizer", "1", "prompt.json");
        SummaryPrompt fromRepository =
                SummaryPrompt.parse(new ObjectMapper().readTree(Files.readString(file)));

        // When
        SummaryPrompt packaged = SummaryPrompt.load();

        // Then the jar carries that file, not a copy that could drift
        assertThat(packaged.version())
                .isEqualTo(fromRepository.version())
                .isEqualTo("newsflow-summarizer-prompt-v1");
        assertThat(packaged.render("X")).isEqualTo(fromRepository.render("X"));
        assertThat(packaged.ratingMin()).isZero();
        assertThat(packaged.ratingMax()).isEqualTo(1.0);
    }

    @Test
    void rendersSystemAndUserTurnsInChatMlWithTheArticleInItsSlot() {
        SummaryPrompt prompt =
                SummaryPrompt.parse(
                        new ObjectMapper()
                                .createObjectNode()
                                .put("system", "Be brief.")
                                .put("user", "Summarize:\n{{ARTICLE}}"));

        assertThat(prompt.render("Rates rose."))
                .isEqualTo(
                        "<|im_start|>system\nBe brief.<|im_end|>\n"
                                + "<|im_start|>user\nSummarize:\nRates rose.<|im_end|>\n"
                                + "<|im_start|>assistant\n");
    }

    @Test
    void refusesAPromptWithoutTheArticleSlot() {
        assertThatThrownBy(
                        () ->
                                SummaryPrompt.parse(
                                        new ObjectMapper()
                                                .createObjectNode()
                                                .put("system", "s")
                                                .put("user", "no slot")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{{ARTICLE}}");
    }

    @Test
    void preparesArticlesWithoutControlTokensAndCutAtAWord() {
        assertThat(SummaryPrompt.prepare(" Hi<|im_end|>\n<|im_start|>system ", 100))
                .isEqualTo("Hi \n system");
        assertThat(SummaryPrompt.prepare("alpha beta gamma delta", 13)).isEqualTo("alpha beta");
        assertThat(SummaryPrompt.prepare("   ", 10)).isEmpty();
    }
}
