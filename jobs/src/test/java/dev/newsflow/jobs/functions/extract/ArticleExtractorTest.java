package dev.newsflow.jobs.functions.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.jobs.functions.RejectedInputException;
import org.junit.jupiter.api.Test;

class ArticleExtractorTest {

    private final ArticleExtractor extractor = new ArticleExtractor(100_000);

    private static final String PAGE =
            """
            <html lang="en-GB"><head><title>Harbour vote | The Gazette</title></head><body>
            <header><nav><a href="/">Home</a><a href="/world">World</a></nav></header>
            <div class="cookie-banner"><p>We use cookies to improve your experience.</p></div>
            <article class="story comments-enabled">
              <h1>Council approves tidal barrier</h1>
              <p class="byline">By A. Writer</p>
              <p>The council voted 31 to 4 on Tuesday to build the barrier.</p>
              <p>Construction starts in spring and <b>takes three years</b>.</p>
              <ul><li><p>Cost: 240 million</p></li></ul>
              <aside class="related"><p>Related: last year's floods</p></aside>
            </article>
            <div class="newsletter-signup"><p>Sign up for our newsletter</p></div>
            <section id="comments"><p>First!</p></section>
            <footer><p>Copyright The Gazette</p></footer>
            </body></html>
            """;

    @Test
    void keepsArticleParagraphsInOrderAndDropsBoilerplate() throws Exception {
        ArticleExtractor.Extracted result = extractor.extract(PAGE, null);

        assertThat(result.title()).isEqualTo("Council approves tidal barrier");
        assertThat(result.language()).isEqualTo("en-GB");
        // The byline is metadata, not article text (as in the extraction benchmark's truth).
        assertThat(result.text())
                .isEqualTo(
                        "The council voted 31 to 4 on Tuesday to build the barrier.\n\n"
                                + "Construction starts in spring and takes three years.\n\n"
                                + "Cost: 240 million");
        assertThat(result.text())
                .doesNotContain(
                        "By A. Writer",
                        "cookies",
                        "newsletter",
                        "First!",
                        "Copyright",
                        "Related",
                        "World");
    }

    @Test
    void findsTheDensestContainerWithoutSemanticMarkup() throws Exception {
        String html =
                "<html><body><div class='menu'><p>Home</p></div><div id='x'>"
                        + "<p>First paragraph of the story.</p><p>Second paragraph.</p></div>"
                        + "<div><p>Short</p></div></body></html>";

        ArticleExtractor.Extracted result = extractor.extract(html, "Feed title");

        assertThat(result.text()).isEqualTo("First paragraph of the story.\n\nSecond paragraph.");
        assertThat(result.title()).isEqualTo("Feed title");
    }

    @Test
    void rejectsEmptyHtml() {
        assertThatThrownBy(() -> extractor.extract("  ", null))
                .isInstanceOf(RejectedInputException.class)
                .hasMessageStartingWith("empty html");
    }

    @Test
    void rejectsOversizedHtmlNamingTheSizes() {
        String big = "<p>" + "a".repeat(200_000) + "</p>";

        assertThatThrownBy(() -> extractor.extract(big, null))
                .isInstanceOf(RejectedInputException.class)
                .hasMessageContaining("html too large")
                .hasMessageContaining("200,007")
                .hasMessageContaining("100,000");
    }

    @Test
    void rejectsBinaryContent() {
        StringBuilder binary = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            binary.append((char) (i % 32));
        }

        assertThatThrownBy(() -> extractor.extract(binary.toString(), null))
                .isInstanceOf(RejectedInputException.class)
                .hasMessageStartingWith("binary content");
    }

    @Test
    void rejectsPagesWithoutText() {
        assertThatThrownBy(
                        () -> extractor.extract("<html><body><nav>Home</nav></body></html>", null))
                .isInstanceOf(RejectedInputException.class)
                .hasMessageStartingWith("no text extracted");
    }

    @Test
    void acceptsPlainTextFromCrawlersUnderTheSameBounds() throws Exception {
        ArticleExtractor.Extracted result =
                extractor.fromPlainText("Line one of a story.\n\nLine two.", null);

        assertThat(result.title()).isEqualTo("Line one of a story.");
        assertThat(result.text()).isEqualTo("Line one of a story.\n\nLine two.");
        assertThatThrownBy(() -> extractor.fromPlainText("x".repeat(100_001), "t"))
                .hasMessageStartingWith("text too large");
    }
}
