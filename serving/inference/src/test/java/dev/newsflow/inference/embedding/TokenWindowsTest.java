package dev.newsflow.inference.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.inference.embedding.TokenWindows.Span;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where {@link TokenWindows} cuts a text: boundaries, overlap, the cap. */
class TokenWindowsTest {

    /** 10 content tokens a window, 3 repeated, at most 4 windows: stride 7. */
    private static final TokenWindows SMALL = new TokenWindows(12, 3, 4);

    @Test
    void aTextThatFitsIsOneWindowFromStartToEnd() {
        assertThat(SMALL.spans(0)).containsExactly(new Span(0, 0));
        assertThat(SMALL.spans(1)).containsExactly(new Span(0, 1));
        assertThat(SMALL.spans(10)).containsExactly(new Span(0, 10));
    }

    @Test
    void oneTokenMoreOpensASecondWindowThatRepeatsTheOverlap() {
        assertThat(SMALL.spans(11)).containsExactly(new Span(0, 10), new Span(7, 11));
    }

    @Test
    void windowsStepByTheStrideAndTheLastEndsWithTheText() {
        // Given 24 tokens: windows at 0, 7, 14; the third reaches the end
        assertThat(SMALL.spans(24))
                .containsExactly(new Span(0, 10), new Span(7, 17), new Span(14, 24));
        // Each window repeats exactly the overlap of the one before
        assertThat(SMALL.spans(24).get(0).end() - SMALL.spans(24).get(1).start()).isEqualTo(3);
    }

    @Test
    void theCapBoundsTheWindowsAndTheTokensRead() {
        // Given far more tokens than 4 windows hold
        assertThat(SMALL.spans(1_000))
                .containsExactly(
                        new Span(0, 10), new Span(7, 17), new Span(14, 24), new Span(21, 31));
        assertThat(SMALL.maxContentTokens()).isEqualTo(31);
        // A text of exactly the readable length ends in the last window
        assertThat(SMALL.spans(31)).hasSize(4).last().isEqualTo(new Span(21, 31));
    }

    @Test
    void truncatingIsOneWindowWhateverTheLength() {
        TokenWindows truncating = TokenWindows.truncating(256);

        assertThat(truncating.spans(10_000)).containsExactly(new Span(0, 254));
    }

    @Test
    void defaultsReadAbout1800WordPiecesInWindowsOf256() {
        TokenWindows defaults = TokenWindows.defaults();

        assertThat(defaults.capacity()).isEqualTo(254);
        assertThat(defaults.stride()).isEqualTo(222);
        assertThat(defaults.maxContentTokens()).isEqualTo(254 + 7 * 222);
        assertThat(defaults.spans(600))
                .containsExactly(new Span(0, 254), new Span(222, 476), new Span(444, 600));
    }

    @Test
    void readsOverlapAndCapFromTheEnvironment() {
        TokenWindows windows =
                TokenWindows.fromEnv(
                        Map.of(
                                TokenWindows.OVERLAP_ENV, "64",
                                TokenWindows.MAX_WINDOWS_ENV, " 2 "));

        assertThat(windows).isEqualTo(new TokenWindows(256, 64, 2));
        assertThat(TokenWindows.fromEnv(Map.of())).isEqualTo(TokenWindows.defaults());
    }

    @Test
    void rejectsWindowsThatCannotRunOrNeverAdvance() {
        assertThatThrownBy(() -> new TokenWindows(513, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("512");
        assertThatThrownBy(() -> new TokenWindows(12, 10, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(TokenWindows.OVERLAP_ENV);
        assertThatThrownBy(() -> new TokenWindows(12, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(TokenWindows.MAX_WINDOWS_ENV);
        assertThatThrownBy(() -> TokenWindows.fromEnv(Map.of(TokenWindows.MAX_WINDOWS_ENV, "many")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(TokenWindows.MAX_WINDOWS_ENV);
    }
}
