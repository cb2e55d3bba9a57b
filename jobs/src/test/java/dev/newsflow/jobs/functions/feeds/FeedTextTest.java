package dev.newsflow.jobs.functions.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeedTextTest {

    @Test
    void rssTitlesLoseMarkupOnlyWhenTheyClearlyHaveSome() {
        assertThat(FeedText.plain("<b>Breaking</b>: tide  barrier\n vote", null))
                .isEqualTo("Breaking: tide barrier vote");
        assertThat(FeedText.plain("Tom &amp; Jerry&nbsp;return", null))
                .isEqualTo("Tom & Jerry return");
        assertThat(FeedText.plain("Use the <code> element, not <tt>", null))
                .isEqualTo("Use the <code> element, not <tt>");
        assertThat(FeedText.plain("1 < 2 && 3 > 2", null)).isEqualTo("1 < 2 && 3 > 2");
    }

    @Test
    void atomTitlesFollowTheirType() {
        assertThat(FeedText.plain("Example <b>Atom</b>", "html")).isEqualTo("Example Atom");
        assertThat(FeedText.plain("<div>Example <b>Atom</b></div>", "xhtml"))
                .isEqualTo("Example Atom");
        assertThat(FeedText.plain("History of the <blink> tag</blink>", "text"))
                .isEqualTo("History of the <blink> tag</blink>");
        assertThat(FeedText.plain("  \n ", "text")).isNull();
    }
}
