package dev.newsflow.cli.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.schemas.CrawlEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrawlEventJsonTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void readsAFullEventAndDefaultsTheSourceToTheHost() {
        CrawlEvent event =
                CrawlEventJson.parse(
                        "{\"url\":\"https://news.example/a\",\"title\":\"T\",\"html\":\"<p>x</p>\","
                                + "\"publishedAt\":\"2026-11-20T08:00:00Z\"}",
                        "f:1",
                        clock);

        assertThat(event.getSource()).isEqualTo("news.example");
        assertThat(event.getTitle()).isEqualTo("T");
        assertThat(event.getHtml()).isEqualTo("<p>x</p>");
        assertThat(event.getPublishedAt()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
        assertThat(event.getFetchedAt()).isEqualTo(clock.instant());
    }

    @Test
    void sameUrlGivesTheSameEventId() {
        String json = "{\"url\":\"https://news.example/a\",\"text\":\"body\"}";

        assertThat(CrawlEventJson.parse(json, "a", clock).getEventId())
                .isEqualTo(CrawlEventJson.parse(json, "b", clock).getEventId());
    }

    @Test
    void errorsNameTheFileAndLine() {
        List<String> lines =
                List.of("{\"url\":\"https://news.example/a\"}", "", "{\"title\":\"no url\"}");

        assertThatThrownBy(() -> CrawlEventJson.parseLines(lines, "crawl.jsonl", clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("crawl.jsonl:3: a crawl event needs a \"url\"");
        assertThatThrownBy(() -> CrawlEventJson.parse("{oops", "x.json", clock))
                .hasMessageStartingWith("x.json: not valid JSON");
        assertThatThrownBy(
                        () ->
                                CrawlEventJson.parse(
                                        "{\"url\":\"https://n.example/\",\"publishedAt\":\"yesterday\"}",
                                        "y.json",
                                        clock))
                .hasMessageContaining("must be ISO-8601");
    }
}
