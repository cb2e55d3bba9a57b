package dev.newsflow.jobs.functions.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedListFileTest {

    @Test
    void readsUrlsWithOptionalSourcesSkippingCommentsBlanksAndDuplicates(@TempDir Path dir)
            throws Exception {
        // Given
        Path file = dir.resolve("feeds.txt");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "# national news",
                        "https://news.example/rss.xml\tNews Example",
                        "",
                        "  https://Blog.Example/atom.xml  ",
                        "https://news.example/rss.xml\tDuplicate",
                        "HTTP://caps.example/feed\t  "));

        // When
        List<FeedSeed> feeds = FeedListFile.read(file);

        // Then
        assertThat(feeds)
                .containsExactly(
                        new FeedSeed("https://news.example/rss.xml", "News Example"),
                        new FeedSeed("https://Blog.Example/atom.xml", "blog.example"),
                        new FeedSeed("HTTP://caps.example/feed", "caps.example"));
    }

    @Test
    void aLineThatIsNotAFeedUrlFailsWithItsLineNumber() {
        assertThatThrownBy(
                        () ->
                                FeedListFile.parse(
                                        List.of("https://ok.example/rss", "ftp://x.example/feed"),
                                        "feeds.txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("feeds.txt:2: not an http(s) feed URL: 'ftp://x.example/feed'");
        assertThatThrownBy(() -> FeedListFile.parse(List.of("https:///nohost"), "f"))
                .hasMessageStartingWith("f:1:");
    }
}
