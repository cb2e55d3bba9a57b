package dev.newsflow.jobs.testing;

import dev.newsflow.jobs.testing.FeedServer.Response;
import dev.newsflow.jobs.testing.FeedXml.Entry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * The feeds of the ingestion restart test, in two editions: the first is served before the job is
 * stopped, the second (each feed one or two items longer) while it is down and after it restarts.
 * Each feed has one HTTP behaviour: ETag/304 with a link behind a redirect, 429 with Retry-After
 * once, gzipped Atom, a first answer slower than the read timeout (feed and page), and a feed that
 * turns malformed after its first answer.
 */
public final class RestartFeeds {

    public static final String DAILY = "/daily/rss.xml";
    public static final String WIRE = "/wire/rss.xml";
    public static final String MAGAZINE = "/magazine/atom.xml";
    public static final String SLOW = "/slow/rss.xml";
    public static final String BROKEN = "/broken/rss.xml";

    private static final List<String> FIRST = List.of("d1", "d2", "d3", "w1", "m1", "s1", "x1");
    private static final List<String> SECOND = List.of("d4", "d5", "w2", "m2", "s2");

    private final FeedServer server;
    private final Duration slowness;
    private volatile int edition = 1;
    private final List<String> dailyValidators = new CopyOnWriteArrayList<>();

    private RestartFeeds(FeedServer server, Duration slowness) {
        this.server = server;
        this.slowness = slowness;
    }

    /** Serves the first edition on {@code server}; the slow routes first wait {@code slowness}. */
    public static RestartFeeds serve(FeedServer server, Duration slowness) {
        RestartFeeds feeds = new RestartFeeds(server, slowness);
        feeds.routes();
        return feeds;
    }

    /** From now on, every feed serves its second edition. */
    public void publishSecondEdition() {
        edition = 2;
    }

    public List<String> feedUrls() {
        return Stream.of(DAILY, WIRE, MAGAZINE, SLOW, BROKEN).map(server::url).toList();
    }

    /** The pages of the first edition's items, by URL (where redirects end). */
    public List<String> firstPages() {
        return pages(FIRST);
    }

    /** The pages of the items that only the second edition has. */
    public List<String> secondPages() {
        return pages(SECOND);
    }

    /** The If-None-Match of each request for {@link #DAILY} in the second edition, in order. */
    public List<String> dailyValidatorsInSecondEdition() {
        return List.copyOf(dailyValidators);
    }

    /** The ETag {@link #DAILY} has in the first edition. */
    public static String firstDailyEtag() {
        return etag(1);
    }

    private List<String> pages(List<String> ids) {
        return ids.stream().map(id -> server.url("/pages/" + id)).toList();
    }

    private void routes() {
        server.route(DAILY, (n, ex) -> daily(ex.getRequestHeaders().getFirst("If-None-Match")))
                .route(
                        WIRE,
                        (n, ex) ->
                                n == 0
                                        ? new Response(429, Map.of("Retry-After", "1"), new byte[0])
                                        : rss("Wire", items("w1", "w2")))
                .route(
                        MAGAZINE,
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
                                                        "Magazine", items("urn:m1", "urn:m2")))))
                .route(
                        SLOW,
                        (n, ex) -> {
                            slowOnce(n);
                            return rss("Slow", items("s1", "s2"));
                        })
                .route(
                        BROKEN,
                        (n, ex) ->
                                n == 0
                                        ? rss("Broken", List.of(entry("x1", "/pages/x1")))
                                        : Response.of(
                                                200, "application/rss+xml", "<rss><channel><item>"))
                .route(
                        "/r/d5",
                        (n, ex) -> new Response(302, Map.of("Location", "/pages/d5"), new byte[0]));
        for (String page : Stream.concat(FIRST.stream(), SECOND.stream()).toList()) {
            server.route(
                    "/pages/" + page,
                    (n, ex) -> {
                        if (page.startsWith("s")) {
                            slowOnce(n);
                        }
                        return Response.of(
                                200,
                                "text/html; charset=utf-8",
                                FeedXml.page("Page " + page, "Text of " + page + "."));
                    });
        }
    }

    private Response daily(String ifNoneMatch) {
        int current = edition;
        if (current == 2) {
            dailyValidators.add(String.valueOf(ifNoneMatch));
        }
        String etag = etag(current);
        if (etag.equals(ifNoneMatch)) {
            return new Response(304, Map.of("ETag", etag), new byte[0]);
        }
        List<Entry> entries =
                List.of(
                        entry("d1", "/pages/d1"),
                        entry("d2", "/pages/d2?utm_source=rss"),
                        entry("d3", "/pages/d3"),
                        entry("d4", "/pages/d4"),
                        entry("d5", "/r/d5"));
        return new Response(
                200,
                Map.of("Content-Type", "application/rss+xml", "ETag", etag),
                FeedXml.rss("Daily", entries.subList(0, current == 1 ? 3 : 5))
                        .getBytes(StandardCharsets.UTF_8));
    }

    /** Items {@code first} (both editions) and {@code second} (second edition only). */
    private List<Entry> items(String first, String second) {
        Entry a = entry(first, "/pages/" + first.replace("urn:", ""));
        return edition == 1
                ? List.of(a)
                : List.of(entry(second, "/pages/" + second.replace("urn:", "")), a);
    }

    /** The first request of a slow route answers only after the client gave up waiting. */
    private void slowOnce(int request) {
        if (request == 0) {
            try {
                Thread.sleep(slowness.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String etag(int edition) {
        return "\"daily-" + edition + "\"";
    }

    private static Response rss(String title, List<Entry> entries) {
        return Response.of(200, "application/rss+xml", FeedXml.rss(title, entries));
    }

    private static Entry entry(String id, String link) {
        return new Entry(id, link, "Title of " + id, "Summary of " + id);
    }
}
