package dev.newsflow.cli.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schemas.CrawlEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class SampleArticlesTest {

    private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");

    @Test
    void theBundledSampleEndsNowAndKeepsItsGaps() throws Exception {
        // Given: the bundled sample as written and as republished
        List<CrawlEvent> written =
                CrawlEventJson.parseLines(
                        new String(
                                        SampleArticles.class
                                                .getResourceAsStream(SampleArticles.RESOURCE)
                                                .readAllBytes())
                                .lines()
                                .toList(),
                        "sample",
                        Clock.systemUTC());

        // When
        List<CrawlEvent> sample = SampleArticles.load(Clock.fixed(NOW, ZoneOffset.UTC));

        // Then: all 30, the newest published now, the span as written (3 days 4 hours)
        assertThat(sample).hasSize(30);
        assertThat(newest(sample)).isEqualTo(NOW);
        assertThat(SampleArticles.span(sample))
                .isEqualTo(SampleArticles.span(written))
                .isEqualTo(Duration.ofHours(76));
        assertThat(sample.get(0).getUrl()).isEqualTo(written.get(0).getUrl());
    }

    @Test
    void everyEventMovesByTheSameAmountAndUndatedOnesStayUndated() {
        CrawlEvent a = event("https://a.example/1", Instant.parse("2026-11-18T08:00:00Z"));
        CrawlEvent b = event("https://b.example/2", Instant.parse("2026-11-20T08:30:00Z"));
        CrawlEvent undated = event("https://c.example/3", null);

        List<CrawlEvent> moved = SampleArticles.endingAt(List.of(a, b, undated), NOW);

        assertThat(moved.get(1).getPublishedAt()).isEqualTo(NOW);
        assertThat(moved.get(0).getPublishedAt())
                .isEqualTo(NOW.minus(Duration.ofDays(2).plusMinutes(30)));
        assertThat(moved.get(2).getPublishedAt()).isNull();
        assertThat(moved.get(2).getUrl()).isEqualTo("https://c.example/3");
    }

    @Test
    void nothingDatedIsLeftAsItIs() {
        CrawlEvent undated = event("https://c.example/3", null);

        assertThat(SampleArticles.endingAt(List.of(undated), NOW)).containsExactly(undated);
        assertThat(SampleArticles.span(List.of(undated))).isZero();
    }

    private static Instant newest(List<CrawlEvent> events) {
        return events.stream()
                .map(CrawlEvent::getPublishedAt)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElseThrow();
    }

    private static CrawlEvent event(String url, Instant publishedAt) {
        return CrawlEventJson.parse(
                "{\"url\":\""
                        + url
                        + "\",\"text\":\"body\""
                        + (publishedAt == null ? "" : ",\"publishedAt\":\"" + publishedAt + "\"")
                        + "}",
                "test",
                Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
