package dev.newsflow.jobs.functions.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.jobs.functions.fetch.FetchPolicy;
import dev.newsflow.jobs.testing.FeedServer;
import dev.newsflow.jobs.testing.FeedServer.Response;
import java.nio.charset.Charset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpPageFetcherTest {

    private FeedServer server;
    private PageFetcher fetcher;

    @BeforeEach
    void start() throws Exception {
        server = FeedServer.start();
        fetcher = HttpPageFetcher.factory(FetchPolicy.builder().allowLoopback(true).build()).get();
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    @Test
    void aRedirectedPageIsFetchedFromWhereTheRedirectEnds() {
        server.route(
                        "/r/1",
                        (n, ex) -> new Response(302, Map.of("Location", "/pages/1"), new byte[0]))
                .route(
                        "/pages/1",
                        (n, ex) -> Response.of(200, "text/html; charset=utf-8", "<p>Grüße</p>"));

        PageResponse response = fetcher.fetch(server.url("/r/1"));

        assertThat(response)
                .isEqualTo(new PageResponse.Page(server.url("/pages/1"), "<p>Grüße</p>"));
    }

    @Test
    void withoutACharsetInTheHeaderThePagesOwnDeclarationIsUsed() {
        String html = "<html><head><meta charset=\"iso-8859-1\"></head><body>café</body></html>";
        server.route(
                "/latin",
                (n, ex) ->
                        new Response(
                                200,
                                Map.of("Content-Type", "text/html"),
                                html.getBytes(Charset.forName("ISO-8859-1"))));

        assertThat(((PageResponse.Page) fetcher.fetch(server.url("/latin"))).html())
                .isEqualTo(html);
    }

    @Test
    void throttlingAndServerErrorsAreWorthARetryAndTheRestIsFinal() {
        server.route("/busy", (n, ex) -> new Response(429, Map.of("Retry-After", "2"), new byte[0]))
                .route("/error", (n, ex) -> Response.of(502, "text/plain", "bad gateway"))
                .route("/pdf", (n, ex) -> Response.of(200, "application/pdf", "%PDF-1.7"));

        assertThat(fetcher.fetch(server.url("/busy"))).isInstanceOf(PageResponse.Retry.class);
        assertThat(fetcher.fetch(server.url("/error"))).isInstanceOf(PageResponse.Retry.class);
        assertThat(fetcher.fetch(server.url("/gone"))).isInstanceOf(PageResponse.Failed.class);
        assertThat(fetcher.fetch(server.url("/pdf"))).isInstanceOf(PageResponse.Failed.class);
        assertThat(fetcher.fetch("http://[::1")).isInstanceOf(PageResponse.Failed.class);
    }
}
