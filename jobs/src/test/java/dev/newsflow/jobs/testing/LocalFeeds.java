package dev.newsflow.jobs.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.jobs.testing.FeedServer.Response;
import dev.newsflow.jobs.testing.FeedXml.Entry;
import dev.newsflow.schemas.CrawlEvent;
import dev.newsflow.schemas.FeedHealth;
import dev.newsflow.schemas.PollOutcome;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The feeds and pages the ingestion integration test serves, each with one HTTP behaviour: a news
 * feed with ETag/304 that gains an item after its first fetch (links root-relative, one behind a
 * redirect, one to a missing page), a feed answering 429 with Retry-After once, a gzipped Atom
 * feed, a feed that turns into a non-feed XML document, and a feed subscribed only at run time.
 */
public final class LocalFeeds {

    public static final String NEWS = "/news/rss.xml";
    public static final String BUSY = "/busy/rss.xml";
    public static final String BLOG = "/blog/atom.xml";
    public static final String FLAKY = "/flaky/rss.xml";
    public static final String LATE = "/late/rss.xml";

    private static final String MISSING_SUMMARY = "<p>Only the <b>summary</b> of n4</p>";

    private LocalFeeds() {}

    public static void serve(FeedServer server) {
        server.route(
                        NEWS,
                        (n, ex) ->
                                news(
                                        n == 0 ? 4 : 5,
                                        ex.getRequestHeaders().getFirst("If-None-Match")))
                .route(
                        BUSY,
                        (n, ex) ->
                                n == 0
                                        ? new Response(429, Map.of("Retry-After", "1"), new byte[0])
                                        : rss("Busy", List.of(entry("b1", "/pages/b1"))))
                .route(
                        BLOG,
                        (n, ex) ->
                                new Response(
                                        200,
                                        Map.of(
                                                "Content-Type",
                                                "application/atom+xml",
                                                "Content-Encoding",
                                                "gzip"),
                                        FeedServer.gzip(
                                                FeedXml.atom(
                                                        "Blog",
                                                        List.of(
                                                                entry("urn:g1", "/pages/g1"),
                                                                entry("urn:g2", "/pages/g2"))))))
                .route(
                        FLAKY,
                        (n, ex) ->
                                n == 0
                                        ? rss("Flaky", List.of(entry("f1", "/pages/f1")))
                                        : Response.of(
                                                200,
                                                "application/rss+xml",
                                                "<catalog><book/></catalog>"))
                .route(LATE, (n, ex) -> rss("Late", List.of(entry("l1", "/pages/l1"))))
                .route(
                        "/r/n3",
                        (n, ex) -> new Response(302, Map.of("Location", "/pages/n3"), new byte[0]));
        for (String page : List.of("n1", "n2", "n3", "n5", "b1", "g1", "g2", "f1", "l1")) {
            server.route(
                    "/pages/" + page,
                    (n, ex) ->
                            Response.of(
                                    200,
                                    "text/html; charset=utf-8",
                                    FeedXml.page("Page " + page, "Text of " + page + ".")));
        }
    }

    /** The crawl events the four initial feeds must produce, by URL. */
    public static List<String> initialPages(FeedServer server) {
        return List.of("n1", "n2", "n3", "missing", "n5", "b1", "g1", "g2", "f1").stream()
                .map(p -> server.url("/pages/" + p))
                .toList();
    }

    /** Pages where there is one, the feed's text where there is none, attributed right. */
    public static void assertContent(FeedServer server, List<CrawlEvent> events) {
        assertThat(events)
                .filteredOn(e -> e.getUrl().equals(server.url("/pages/n3")))
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.getHtml()).contains("<h1>Page n3</h1>");
                            assertThat(e.getSource()).isEqualTo("Local News");
                            assertThat(e.getFeedUrl()).isEqualTo(server.url(NEWS));
                            assertThat(e.getTitle()).isEqualTo("Title of n3");
                        });
        assertThat(events)
                .filteredOn(e -> e.getUrl().equals(server.url("/pages/missing")))
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.getHtml()).isNull();
                            assertThat(e.getText()).isEqualTo("Only the summary of n4");
                        });
        assertThat(events)
                .filteredOn(e -> e.getUrl().equals(server.url("/pages/g1")))
                .singleElement()
                .satisfies(e -> assertThat(e.getSource()).isEqualTo("127.0.0.1"));
        assertThat(events)
                .filteredOn(e -> e.getUrl().equals(server.url("/pages/l1")))
                .singleElement()
                .satisfies(e -> assertThat(e.getSource()).isEqualTo("Late Edition"));
    }

    public static Predicate<FeedHealth> rejected(FeedServer server) {
        return h ->
                h.getFeedUrl().equals(server.url(FLAKY)) && h.getOutcome() == PollOutcome.REJECTED;
    }

    public static Predicate<FeedHealth> notModified(FeedServer server) {
        return h ->
                h.getFeedUrl().equals(server.url(NEWS))
                        && h.getOutcome() == PollOutcome.NOT_MODIFIED;
    }

    private static Response news(int items, String ifNoneMatch) {
        String etag = "\"news-" + items + "\"";
        if (etag.equals(ifNoneMatch)) {
            return new Response(304, Map.of("ETag", etag), new byte[0]);
        }
        List<Entry> entries =
                List.of(
                        entry("n1", "/pages/n1"),
                        entry("n2", "/pages/n2?utm_source=rss"),
                        entry("n3", "/r/n3"),
                        new Entry("n4", "/pages/missing", "Title of n4", MISSING_SUMMARY),
                        entry("n5", "/pages/n5"));
        return new Response(
                200,
                Map.of("Content-Type", "application/rss+xml", "ETag", etag),
                FeedXml.rss("News", entries.subList(0, items)).getBytes(StandardCharsets.UTF_8));
    }

    private static Response rss(String title, List<Entry> entries) {
        return Response.of(200, "application/rss+xml", FeedXml.rss(title, entries));
    }

    private static Entry entry(String id, String link) {
        return new Entry(id, link, "Title of " + id, "Summary of " + id);
    }
}
