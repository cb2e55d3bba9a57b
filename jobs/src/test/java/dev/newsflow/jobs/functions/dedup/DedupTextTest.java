package dev.newsflow.jobs.functions.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DedupTextTest {

    @Test
    void normalisationFoldsUnicodeFormsCaseAndWhiteSpace() {
        // full-width letters, a ligature, a no-break space, a soft hyphen, a zero-width space
        String messy =
                "  \uFF2E\uFF45\uFF57\uFF53\u00A0\uFB01nal\tCo\u00ADoperation\u200B\r\n\r\nEND ";

        assertThat(DedupText.normalize(messy)).isEqualTo("news final cooperation end");
    }

    @Test
    void normalisedTextIsAFixedPoint() {
        String once = DedupText.normalize("The Ｆerry  opens\n\nin MARCH.");

        assertThat(DedupText.normalize(once))
                .isEqualTo(once)
                .isEqualTo("the ferry opens in march.");
    }

    @Test
    void wordsAreRunsOfLettersDigitsAndMarksSplitByPunctuation() {
        assertThat(DedupText.words("o'neil scored 3.2 goals—in café, naïve… x"))
                .containsExactly(
                        "o", "neil", "scored", "3", "2", "goals", "in", "café", "naïve", "x");
        // a combining mark stays inside its word (Devanagari vowel sign)
        assertThat(DedupText.words("नमस्ते दुनिया")).containsExactly("नमस्ते", "दुनिया");
        assertThat(DedupText.words(" ... ")).isEmpty();
    }
}
