package dev.newsflow.jobs.functions.fetch;

import static dev.newsflow.jobs.functions.fetch.LocalHttpServer.respond;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Conditional GET (ETag, Last-Modified), response metadata and the charset from the header. */
class HttpFetcherConditionalGetTest {

    private static final String RSS =
            "<rss version=\"2.0\"><channel><title>t</title></channel></rss>";
    private static final String ETAG = "\"v42\"";
    private static final String LAST_MODIFIED = "Wed, 21 Oct 2026 07:28:00 GMT";

    private final LocalHttpServer server = LocalHttpServer.onLoopback();
    private final HttpFetcher fetcher = new HttpFetcher(TestPolicies.loopback().build());

    @AfterEach
    void tearDown() throws Exception {
        fetcher.close();
        server.close();
    }

    @Test
    void firstFetchReturnsBodyAndValidators() {
        // Given a feed served with an ETag and a Last-Modified date
        server.route("/feed", ex -> respond(ex, 200, feedHeaders(), RSS.getBytes(UTF_8)));

        // When it is fetched without validators
        FetchResult result = fetcher.fetch(server.uri("/feed"), FetchKind.FEED);

        // Then the body and both validators come back, and no conditional header was sent
        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
        FetchResult.Fetched fetched = (FetchResult.Fetched) result;
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.finalUri()).isEqualTo(server.uri("/feed"));
        assertThat(fetched.contentType()).isEqualTo("application/rss+xml");
        assertThat(new String(fetched.body(), UTF_8)).isEqualTo(RSS);
        assertThat(fetched.validators()).isEqualTo(new Validators(ETAG, LAST_MODIFIED));
        assertThat(server.requests().get(0).headers())
                .doesNotContainKeys("If-none-match", "If-modified-since");
    }

    @Test
    void matchingEtagGivesNotModified() {
        // Given a server that answers 304 when If-None-Match carries the current ETag
        server.route(
                "/feed",
                ex -> {
                    boolean same = ETAG.equals(ex.getRequestHeaders().getFirst("If-None-Match"));
                    respond(
                            ex,
                            same ? 304 : 200,
                            feedHeaders(),
                            same ? new byte[0] : RSS.getBytes(UTF_8));
                });

        // When the feed is fetched with the ETag of the previous fetch
        FetchResult result =
                fetcher.fetch(server.uri("/feed"), FetchKind.FEED, new Validators(ETAG, null));

        // Then it is not modified
        assertThat(result).isEqualTo(new FetchResult.NotModified(server.uri("/feed")));
        assertThat(server.requests().get(0).headers().getFirst("If-None-Match")).isEqualTo(ETAG);
    }

    @Test
    void lastModifiedIsSentBackVerbatimAsIfModifiedSince() {
        // Given a server that answers 304 when If-Modified-Since equals its Last-Modified
        server.route(
                "/feed",
                ex -> {
                    String since = ex.getRequestHeaders().getFirst("If-Modified-Since");
                    boolean same = LAST_MODIFIED.equals(since);
                    respond(
                            ex,
                            same ? 304 : 200,
                            feedHeaders(),
                            same ? new byte[0] : RSS.getBytes(UTF_8));
                });

        // When the feed is fetched with only the previous Last-Modified
        FetchResult result =
                fetcher.fetch(
                        server.uri("/feed"), FetchKind.FEED, new Validators(null, LAST_MODIFIED));

        // Then it is not modified, and no If-None-Match was invented
        assertThat(result).isInstanceOf(FetchResult.NotModified.class);
        assertThat(server.requests().get(0).headers()).doesNotContainKey("If-none-match");
    }

    @Test
    void staleValidatorsGetTheNewBody() {
        // Given a server whose ETag has changed
        server.route("/feed", ex -> respond(ex, 200, feedHeaders(), RSS.getBytes(UTF_8)));

        // When the feed is fetched with an old ETag
        FetchResult result =
                fetcher.fetch(server.uri("/feed"), FetchKind.FEED, new Validators("\"v41\"", null));

        // Then the new body and ETag come back
        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
        assertThat(((FetchResult.Fetched) result).etag()).isEqualTo(ETAG);
    }

    @Test
    void charsetComesFromTheContentTypeHeader() {
        // Given a page declared as ISO-8859-1 in its Content-Type
        byte[] latin1 = "<html><body>Café</body></html>".getBytes(StandardCharsets.ISO_8859_1);
        server.route(
                "/page",
                ex ->
                        respond(
                                ex,
                                200,
                                Map.of("Content-Type", "Text/HTML; Charset=\"ISO-8859-1\""),
                                latin1));

        // When it is fetched as a page
        FetchResult.Fetched fetched =
                (FetchResult.Fetched) fetcher.fetch(server.uri("/page"), FetchKind.PAGE);

        // Then the media type is normalized and the charset is the declared one, bytes untouched
        assertThat(fetched.contentType()).isEqualTo("text/html");
        assertThat(fetched.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(fetched.body()).isEqualTo(latin1);
    }

    @Test
    void unknownOrMissingCharsetIsNull() {
        // Given one page with an unknown charset and one without any
        server.route(
                "/odd",
                ex ->
                        respond(
                                ex,
                                200,
                                Map.of("Content-Type", "text/html; charset=x-no-such"),
                                bytes()));
        server.route("/none", ex -> respond(ex, 200, Map.of("Content-Type", "text/html"), bytes()));

        // When both are fetched
        Charset odd =
                ((FetchResult.Fetched) fetcher.fetch(server.uri("/odd"), FetchKind.PAGE)).charset();
        Charset none =
                ((FetchResult.Fetched) fetcher.fetch(server.uri("/none"), FetchKind.PAGE))
                        .charset();

        // Then neither gets a charset, leaving detection to the parser
        assertThat(odd).isNull();
        assertThat(none).isNull();
    }

    private static byte[] bytes() {
        return "<html></html>".getBytes(UTF_8);
    }

    private static Map<String, String> feedHeaders() {
        return Map.of(
                "Content-Type", "application/rss+xml; charset=utf-8",
                "ETag", ETAG,
                "Last-Modified", LAST_MODIFIED);
    }
}
