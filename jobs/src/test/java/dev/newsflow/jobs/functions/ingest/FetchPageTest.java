package dev.newsflow.jobs.functions.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.jobs.testing.ScriptedPages;
import dev.newsflow.schemas.CrawlEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.operators.async.AsyncWaitOperatorFactory;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The page fetch as Flink runs it: an Async I/O operator in a test harness. */
class FetchPageTest {

    private static final String FEED = "https://news.example/rss.xml";
    private static final PageFetchSettings SETTINGS =
            new PageFetchSettings(4, Duration.ofMillis(1), 3);

    @Test
    void aFetchedPageBecomesACrawlEventWithItsHtmlUnderTheUrlItRedirectedTo() throws Exception {
        // Given
        ScriptedPages pages =
                new ScriptedPages()
                        .page(
                                "https://news.example/a",
                                new PageResponse.Page(
                                        "https://www.News.example/2026/a?utm_medium=x",
                                        "<html>A</html>"));

        // When
        List<CrawlEvent> events = run(pages, item("https://news.example/a"));

        // Then
        assertThat(events)
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.getUrl()).isEqualTo("https://www.news.example/2026/a");
                            assertThat(e.getHtml()).isEqualTo("<html>A</html>");
                            assertThat(e.getText()).isNull();
                            assertThat(e.getFeedUrl()).isEqualTo(FEED);
                            assertThat(e.getSource()).isEqualTo("News Example");
                            assertThat(e.getTitle()).isEqualTo("Title of https://news.example/a");
                            assertThat(e.getPublishedAt())
                                    .isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
                        });
    }

    @Test
    void aPageThatCannotBeFetchedStillBecomesACrawlEventWithTheFeedsText() throws Exception {
        ScriptedPages pages =
                new ScriptedPages()
                        .page("https://news.example/gone", new PageResponse.Failed("HTTP 410"));

        List<CrawlEvent> events = run(pages, item("https://news.example/gone"));

        assertThat(events)
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.getUrl()).isEqualTo("https://news.example/gone");
                            assertThat(e.getHtml()).isNull();
                            assertThat(e.getText())
                                    .isEqualTo("Summary of https://news.example/gone, in bold.");
                        });
        assertThat(pages.calls("https://news.example/gone")).isEqualTo(1);
    }

    @Test
    void throttlingAndTransientErrorsAreRetriedUntilThePageArrives() throws Exception {
        ScriptedPages pages =
                new ScriptedPages()
                        .page(
                                "https://news.example/busy",
                                new PageResponse.Retry(Duration.ofMillis(20), "HTTP 429"),
                                new PageResponse.Retry(null, "HTTP 503"),
                                new PageResponse.Page("https://news.example/busy", "<p>ok</p>"));

        List<CrawlEvent> events = run(pages, item("https://news.example/busy"));

        assertThat(events).extracting(CrawlEvent::getHtml).containsExactly("<p>ok</p>");
        assertThat(pages.calls("https://news.example/busy")).isEqualTo(3);
    }

    @Test
    void afterTheLastAttemptTheFeedsTextIsPublished() throws Exception {
        ScriptedPages pages =
                new ScriptedPages()
                        .page(
                                "https://news.example/down",
                                new PageResponse.Retry(null, "HTTP 502"));

        List<CrawlEvent> events = run(pages, item("https://news.example/down"));

        assertThat(events).singleElement().satisfies(e -> assertThat(e.getHtml()).isNull());
        assertThat(pages.calls("https://news.example/down")).isEqualTo(SETTINGS.maxAttempts());
    }

    @Test
    void anItemWithoutSummaryFallsBackToItsTitleAndEveryItemGivesOneEvent() throws Exception {
        ScriptedPages pages = new ScriptedPages().html("https://news.example/ok", "OK");
        DiscoveredItem bare =
                new DiscoveredItem(
                        FEED, "https://other.example/x", "Bare title", " ", null, "other", null);

        List<CrawlEvent> events = run(pages, item("https://news.example/ok"), bare);

        assertThat(events).hasSize(2);
        assertThat(events)
                .filteredOn(e -> e.getUrl().equals("https://other.example/x"))
                .singleElement()
                .satisfies(e -> assertThat(e.getText()).isEqualTo("Bare title"));
        // Derived from feed and link: a replay of the same item produces the same event id.
        assertThat(run(pages, bare).get(0).getEventId())
                .isEqualTo(
                        events.stream()
                                .filter(e -> e.getUrl().equals("https://other.example/x"))
                                .findFirst()
                                .orElseThrow()
                                .getEventId());
    }

    private static DiscoveredItem item(String link) {
        return new DiscoveredItem(
                FEED,
                link,
                "Title of " + link,
                "<p>Summary of " + link + ", <b>in bold</b>.</p>",
                Instant.parse("2026-11-20T08:00:00Z"),
                "News Example",
                Instant.parse("2026-11-20T08:01:00Z"));
    }

    private static List<CrawlEvent> run(ScriptedPages pages, DiscoveredItem... items)
            throws Exception {
        FetchPage fetchPage = new FetchPage(pages.fetchers(), SETTINGS);
        try (OneInputStreamOperatorTestHarness<DiscoveredItem, CrawlEvent> harness =
                new OneInputStreamOperatorTestHarness<>(
                        new AsyncWaitOperatorFactory<>(
                                fetchPage, 60_000, 10, AsyncDataStream.OutputMode.UNORDERED),
                        TypeInformation.of(DiscoveredItem.class)
                                .createSerializer(new ExecutionConfig().getSerializerConfig()))) {
            harness.open();
            for (DiscoveredItem item : items) {
                harness.processElement(new StreamRecord<>(item));
            }
            harness.endInput();
            return harness.extractOutputValues();
        }
    }
}
