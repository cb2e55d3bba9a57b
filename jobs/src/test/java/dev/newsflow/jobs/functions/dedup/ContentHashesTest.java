package dev.newsflow.jobs.functions.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.jobs.testing.NewsTexts;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ContentHashesTest {

    @Test
    void hashIsTheSha256PrefixOfTheNormalisedText() {
        // SHA-256("hello world") = b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9
        assertThat(ContentHashes.of("  Hello\u00A0WORLD\n"))
                .isEqualTo("b94d27b9934d3e08a52e52d7da7dabfa");
    }

    @Test
    void textsThatDifferOnlyInFormAreTheSameContentAndAnEditIsNot() {
        String original = NewsTexts.FERRY;
        String reflowed = original.toUpperCase(Locale.ROOT).replace("\n\n", "\n \n");

        assertThat(ContentHashes.of(reflowed)).isEqualTo(ContentHashes.of(original));
        assertThat(ContentHashes.of(original.replace("14 March", "15 March")))
                .isNotEqualTo(ContentHashes.of(original))
                .hasSize(ContentHashes.LENGTH);
    }
}
