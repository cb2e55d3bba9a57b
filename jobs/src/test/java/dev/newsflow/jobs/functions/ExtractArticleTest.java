package dev.newsflow.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.jobs.testing.CrawlEvents;
import dev.newsflow.schemas.CrawlEvent;
import dev.newsflow.schemas.EnrichedArticle;
import java.time.Instant;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class ExtractArticleTest {

    private static final String PAGE =
            """
            <html><head>
            <meta name="author" content="Jane Doe">
            <meta property="article:published_time" content="2025-03-04T09:30:00Z">
            <meta property="og:image" content="/img/harbour.jpg">
            </head><body><article><h1>Council approves tidal barrier</h1>
            <p>The council voted 31 to 4 on Tuesday to build the barrier.</p>
            </article></body></html>
            """;

    @Test
    void carriesAuthorImageAndThePagesTimeWhenTheEventHasNone() throws Exception {
        CrawlEvent event = CrawlEvents.withHtml("https://news.example/a/1", PAGE);
        event.setPublishedAt(null);

        EnrichedArticle article = extractOne(event);

        assertThat(article.getAuthor()).isEqualTo("Jane Doe");
        assertThat(article.getImageUrl()).isEqualTo("https://news.example/img/harbour.jpg");
        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2025-03-04T09:30:00Z"));
    }

    @Test
    void theEventsPublishedTimeWins() throws Exception {
        CrawlEvent event = CrawlEvents.withHtml("https://news.example/a/1", PAGE);

        EnrichedArticle article = extractOne(event);

        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
    }

    private static EnrichedArticle extractOne(CrawlEvent event) throws Exception {
        try (OneInputStreamOperatorTestHarness<CrawlEvent, EnrichedArticle> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(new ExtractArticle(100_000))) {
            harness.processElement(event, 0);
            assertThat(harness.extractOutputValues()).hasSize(1);
            return harness.extractOutputValues().get(0);
        }
    }
}
