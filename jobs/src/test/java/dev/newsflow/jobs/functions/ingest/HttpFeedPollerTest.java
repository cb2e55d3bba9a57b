package dev.newsflow.jobs.functions.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.jobs.functions.feeds.FeedItem;
import dev.newsflow.jobs.functions.fetch.FetchPolicy;
import dev.newsflow.jobs.testing.FeedServer;
import dev.newsflow.jobs.testing.FeedServer.Response;
import dev.newsflow.jobs.testing.FeedXml;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP poller against a local server: every kind of answer maps to its feed response. */
class HttpFeedPollerTest {

    private static final String RSS =
            FeedXml.rss(
                    "News",
                    List.of(
                            new FeedXml.Entry("n1", "/pages/one", "One", "<b>first</b>"),
                            new FeedXml.Entry("n2", "http://other.example/two", "Two", "second")));

    private FeedServer server;
    private FeedPoller poller;

    @BeforeEach
    void start() throws Exception {
        server = FeedServer.start();
        poller = HttpFeedPoller.factory(FetchPolicy.builder().allowLoopback(true).build()).get();
    }

    @AfterEach
    void stop() {
        poller.close();
        server.close();
    }

    @Test
    void aFeedIsParsedWithAbsoluteLinksAndItsValidatorsAreKept() {
        server.route(
                "/rss", (n, ex) -> rssWithEtag(ex.getRequestHeaders().getFirst("If-None-Match")));

        FeedResponse first = poller.poll(new FeedRequest(server.url("/rss"), null, null));

        assertThat(first).isInstanceOf(FeedResponse.Items.class);
        FeedResponse.Items items = (FeedResponse.Items) first;
        assertThat(items.items())
                .extracting(FeedItem::link)
                .containsExactly(server.url("/pages/one"), "http://other.example/two");
        assertThat(items.etag()).isEqualTo("\"rss-1\"");

        // When polled again with its ETag, the server answers 304
        assertThat(poller.poll(new FeedRequest(server.url("/rss"), items.etag(), null)))
                .isInstanceOf(FeedResponse.NotModified.class);
        assertThat(server.statuses("/rss")).containsExactly(200, 304);
    }

    @Test
    void aGzippedAtomFeedIsRead() {
        String atom = FeedXml.atom("Blog", List.of(new FeedXml.Entry("urn:g1", "/g/1", "G", "g")));
        server.route(
                "/atom",
                (n, ex) ->
                        new Response(
                                200,
                                Map.of(
                                        "Content-Type",
                                        "application/atom+xml",
                                        "Content-Encoding",
                                        "gzip"),
                                FeedServer.gzip(atom)));

        FeedResponse response = poller.poll(new FeedRequest(server.url("/atom"), null, null));

        assertThat(((FeedResponse.Items) response).items())
                .extracting(FeedItem::guid)
                .containsExactly("urn:g1");
    }

    @Test
    void throttlingFailuresAndUnreadableDocumentsAreTold() {
        server.route("/busy", (n, ex) -> new Response(429, Map.of("Retry-After", "7"), new byte[0]))
                .route("/down", (n, ex) -> Response.of(503, "text/plain", "down"))
                .route("/broken", (n, ex) -> Response.of(500, "text/plain", "oops"))
                .route(
                        "/html",
                        (n, ex) -> Response.of(200, "text/html", FeedXml.page("Home", "hi")))
                .route(
                        "/bad",
                        (n, ex) ->
                                Response.of(
                                        200, "application/rss+xml", "<catalog><book/></catalog>"));

        assertThat(poll("/busy"))
                .isEqualTo(
                        new FeedResponse.Throttled(Duration.ofSeconds(7), "HTTP 429: throttled"));
        assertThat(poll("/down")).isInstanceOf(FeedResponse.Throttled.class);
        assertThat(poll("/broken")).isInstanceOf(FeedResponse.Failed.class);
        assertThat(poll("/html"))
                .isInstanceOf(FeedResponse.Rejected.class)
                .extracting(r -> ((FeedResponse.Rejected) r).reason())
                .asString()
                .startsWith("not a feed: HTML page");
        assertThat(poll("/bad"))
                .isEqualTo(new FeedResponse.Rejected("not a feed: unknown root element <catalog>"));
        assertThat(poll("/missing")).isInstanceOf(FeedResponse.Rejected.class);
    }

    @Test
    void loopbackAddressesAreRefusedUnlessAllowed() {
        server.route("/rss", (n, ex) -> Response.of(200, "application/rss+xml", RSS));
        try (FeedPoller guarded = HttpFeedPoller.factory(FetchPolicy.defaults()).get()) {
            FeedResponse response = guarded.poll(new FeedRequest(server.url("/rss"), null, null));

            assertThat(response).isInstanceOf(FeedResponse.Rejected.class);
            assertThat(server.statuses("/rss")).isEmpty();
        }
    }

    private FeedResponse poll(String path) {
        return poller.poll(new FeedRequest(server.url(path), null, null));
    }

    private static Response rssWithEtag(String ifNoneMatch) {
        if ("\"rss-1\"".equals(ifNoneMatch)) {
            return new Response(304, Map.of("ETag", "\"rss-1\""), new byte[0]);
        }
        return new Response(
                200,
                Map.of("Content-Type", "application/rss+xml; charset=utf-8", "ETag", "\"rss-1\""),
                RSS.getBytes(StandardCharsets.UTF_8));
    }
}
