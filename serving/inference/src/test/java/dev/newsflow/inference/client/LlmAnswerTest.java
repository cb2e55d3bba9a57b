package dev.newsflow.inference.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How {@link LlmAnswer} reads what the model wrote: the wrapper's rules, case by case. */
class LlmAnswerTest {

    private static Summary parse(String text) {
        return LlmAnswer.parse(text, 1500, 0, 1);
    }

    @Test
    void readsTheAnswerAsAsked() {
        assertThat(parse("{\"summary\": \"Rates rose.\", \"importance\": 0.6}"))
                .isEqualTo(Summary.of("Rates rose.", 0.6));
    }

    @Test
    void findsTheObjectInsideFencesAndProse() {
        assertThat(parse("```json\n{\"summary\": \"Rates rose.\", \"importance\": 0.6}\n```"))
                .isEqualTo(Summary.of("Rates rose.", 0.6));
        assertThat(
                        parse(
                                "Here you go: {\"summary\": \"Rates {sic} rose.\","
                                        + " \"importance\": 0.6} Anything else?"))
                .isEqualTo(Summary.of("Rates {sic} rose.", 0.6));
    }

    @Test
    void salvagesAnAnswerCutOffByTheTokenLimit() {
        assertThat(parse("{\"importance\": 0.3, \"summary\": \"Rates rose \\\"sharply\\\" and"))
                .isEqualTo(Summary.of("Rates rose \"sharply\" and", 0.3));
    }

    @Test
    void takesTextWithoutJsonAsTheSummaryButJsonWithoutASummaryAsNone() {
        assertThat(parse("  Rates rose\n\nsharply.  "))
                .isEqualTo(Summary.unrated("Rates rose sharply."));
        assertThat(parse("{\"title\": \"Rates\"}")).isEqualTo(Summary.unrated(""));
        assertThat(parse("{not json at all")).isEqualTo(Summary.unrated(""));
        assertThat(parse("")).isEqualTo(Summary.unrated(""));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0.25|0.25",
                "\"0.25\"|0.25",
                "1|1.0",
                "1.5|NaN",
                "-0.1|NaN",
                "true|NaN",
                "null|NaN",
                "\"high\"|NaN"
            })
    void acceptsOnlyRatingsOnThePromptsScale(String importance, double expected) {
        Summary summary = parse("{\"summary\": \"S.\", \"importance\": " + importance + "}");

        assertThat(summary).isEqualTo(Summary.of("S.", expected));
    }

    @Test
    void mapsAOneToTenScaleOntoZeroToOne() {
        assertThat(LlmAnswer.parse("{\"summary\": \"S.\", \"importance\": 7}", 100, 1, 10))
                .isEqualTo(Summary.of("S.", 6.0 / 9.0));
        assertThat(LlmAnswer.rating(JsonNodeFactory.instance.numberNode(0), 1, 5)).isNaN();
    }

    @Test
    void cutsALongSummaryAtAWordWithAnEllipsis() {
        assertThat(LlmAnswer.clean("one two three four five", 12)).isEqualTo("one two\u2026");
        assertThat(LlmAnswer.clean("one two", 12)).isEqualTo("one two");
    }
}
