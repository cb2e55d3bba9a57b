package dev.newsflow.cli.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.newsflow.jobs.functions.fetch.FetchPolicy;
import dev.newsflow.jobs.functions.fetch.HttpFetcher;
import dev.newsflow.schemas.CrawlEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one-shot feed crawl of {@code ./newsflow up --feed} against a local HTTP server. */
class FeedCrawlerTest {

    private static final String RSS =
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Local news</title>
              <item><title>First story</title><link>/a.html</link>
                <pubDate>Fri, 20 Nov 2026 08:00:00 GMT</pubDate></item>
              <item><title>Missing page</title><link>/missing.html</link></item>
            </channel></rss>
            """;

    private HttpServer server;
    // The test server is on loopback, which the production policy refuses (SSRF guard).
    private final HttpFetcher fetcher =
            new HttpFetcher(FetchPolicy.defaults().toBuilder().allowLoopback(true).build());
    private final List<String> reports = new ArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        Map<String, String> pages =
                Map.of(
                        "/feed.xml",
                        RSS,
                        "/a.html",
                        "<html><body><article><p>Body.</p></article></body></html>");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/",
                exchange -> {
                    String body = pages.get(exchange.getRequestURI().getPath());
                    byte[] bytes =
                            body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders()
                            .add(
                                    "Content-Type",
                                    exchange.getRequestURI().getPath().endsWith(".xml")
                                            ? "application/rss+xml"
                                            : "text/html; charset=utf-8");
                    exchange.sendResponseHeaders(
                            body == null ? 404 : 200, body == null ? -1 : bytes.length);
                    exchange.getResponseBody().write(bytes);
                    exchange.close();
                });
        server.start();
    }

    @AfterEach
    void stopServer() throws Exception {
        server.stop(0);
        fetcher.close();
    }

    @Test
    void fetchesEveryItemPageAndReportsTheOnesThatFail() {
        URI feed = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml");

        List<CrawlEvent> events =
                new FeedCrawler(fetcher, Clock.systemUTC(), reports::add).crawl(feed);

        assertThat(events)
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.getUrl()).isEqualTo(feed.resolve("/a.html").toString());
                            assertThat(e.getTitle()).isEqualTo("First story");
                            assertThat(e.getHtml()).contains("<p>Body.</p>");
                            assertThat(e.getFeedUrl()).isEqualTo(feed.toString());
                            assertThat(e.getPublishedAt()).hasToString("2026-11-20T08:00:00Z");
                        });
        assertThat(reports).anyMatch(r -> r.contains("missing.html") && r.contains("HTTP 404"));
        assertThat(reports).anyMatch(r -> r.contains("2 items, 1 fetched, 1 failed"));
    }

    @Test
    void refusesFeedsOnLoopbackUnderTheDefaultPolicy() throws Exception {
        URI feed = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml");

        try (HttpFetcher guarded = new HttpFetcher(FetchPolicy.defaults())) {
            assertThat(new FeedCrawler(guarded, Clock.systemUTC(), reports::add).crawl(feed))
                    .isEmpty();
        }
        assertThat(reports).singleElement().asString().contains("skipped").contains("loopback");
    }

    @Test
    void anUnparseableFeedIsReportedNotFatal() {
        URI feed = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/a.html");

        List<CrawlEvent> events =
                new FeedCrawler(fetcher, Clock.systemUTC(), reports::add).crawl(feed);

        assertThat(events).isEmpty();
        assertThat(reports).singleElement().asString().startsWith("feed " + feed + ": skipped");
    }
}
