package dev.newsflow.jobs.functions.fetch;

import static dev.newsflow.jobs.functions.fetch.LocalHttpServer.respond;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Throttling, server errors and timeouts: which become Throttled, and which are retryable. */
class HttpFetcherErrorsTest {

    private static final Instant NOW = Instant.parse("2026-10-21T07:28:00Z");

    private final CountDownLatch testOver = new CountDownLatch(1);
    private final LocalHttpServer server = LocalHttpServer.onLoopback();
    private final HttpFetcher fetcher =
            new HttpFetcher(
                    TestPolicies.loopback()
                            .readTimeout(Duration.ofMillis(300))
                            .defaultRetryAfter(Duration.ofMinutes(7))
                            .build(),
                    SystemDefaultDnsResolver.INSTANCE,
                    Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void tearDown() throws Exception {
        testOver.countDown();
        fetcher.close();
        server.close();
    }

    @Test
    void tooManyRequestsWithRetryAfterSeconds() {
        // Given a server answering 429 with Retry-After in seconds
        server.route("/feed", ex -> respond(ex, 429, Map.of("Retry-After", "120"), new byte[0]));

        // When the feed is fetched
        FetchResult result = fetcher.fetch(server.uri("/feed"), FetchKind.FEED);

        // Then the fetch is throttled for exactly that long
        assertThat(result)
                .isEqualTo(
                        new FetchResult.Throttled(
                                server.uri("/feed"), 429, Duration.ofSeconds(120)));
    }

    @Test
    void tooManyRequestsWithRetryAfterDate() {
        // Given a server answering 429 with an HTTP-date 90 minutes after the (fixed) clock
        server.route(
                "/feed",
                ex ->
                        respond(
                                ex,
                                429,
                                Map.of("Retry-After", "Wed, 21 Oct 2026 08:58:00 GMT"),
                                new byte[0]));

        // When the feed is fetched
        FetchResult result = fetcher.fetch(server.uri("/feed"), FetchKind.FEED);

        // Then the wait is measured from now to that date
        assertThat(result)
                .isEqualTo(
                        new FetchResult.Throttled(
                                server.uri("/feed"), 429, Duration.ofMinutes(90)));
    }

    @Test
    void unavailableWithoutRetryAfterUsesTheDefault() {
        // Given a 503 without Retry-After and a 429 with an unreadable one
        server.route("/down", ex -> respond(ex, 503, Map.of(), "down".getBytes(UTF_8)));
        server.route("/odd", ex -> respond(ex, 429, Map.of("Retry-After", "soon"), new byte[0]));

        // When both are fetched
        FetchResult down = fetcher.fetch(server.uri("/down"), FetchKind.FEED);
        FetchResult odd = fetcher.fetch(server.uri("/odd"), FetchKind.FEED);

        // Then both are throttled for the policy's default
        assertThat(down)
                .isEqualTo(
                        new FetchResult.Throttled(server.uri("/down"), 503, Duration.ofMinutes(7)));
        assertThat(odd)
                .isEqualTo(
                        new FetchResult.Throttled(server.uri("/odd"), 429, Duration.ofMinutes(7)));
    }

    @Test
    void serverErrorIsRetryableAndClientErrorIsNot() {
        // Given a 500 and a 404
        server.route("/boom", ex -> respond(ex, 500, Map.of(), "boom".getBytes(UTF_8)));
        server.route("/gone", ex -> respond(ex, 404, Map.of(), "no".getBytes(UTF_8)));

        // When both are fetched
        FetchResult boom = fetcher.fetch(server.uri("/boom"), FetchKind.PAGE);
        FetchResult gone = fetcher.fetch(server.uri("/gone"), FetchKind.PAGE);

        // Then the 500 may be retried and the 404 may not, each with its status
        assertThat(boom)
                .isEqualTo(new FetchResult.Failed("HTTP 500 Internal Server Error", true, 500));
        assertThat(gone).isEqualTo(new FetchResult.Failed("HTTP 404 Not Found", false, 404));
    }

    @Test
    void slowResponseTimesOutAsRetryable() {
        // Given a server that does not answer until the test is over (read timeout is 300 ms)
        server.route(
                "/slow",
                ex -> {
                    testOver.await(30, TimeUnit.SECONDS);
                    respond(ex, 200, Map.of("Content-Type", "text/html"), new byte[1]);
                });

        // When the page is fetched
        FetchResult result = fetcher.fetch(server.uri("/slow"), FetchKind.PAGE);

        // Then the fetch fails with a read timeout, worth retrying later
        assertThat(result)
                .isEqualTo(
                        FetchResult.Failed.transientFailure(
                                "read from 127.0.0.1 timed out after 300 ms"));
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // else: never ends
    void tricklingBodyHitsTheTotalTimeout() throws Exception {
        // Given a server that sends a byte every 50 ms, never silent long enough for a read timeout
        server.route(
                "/trickle",
                ex -> {
                    ex.getResponseHeaders().set("Content-Type", "text/html");
                    ex.sendResponseHeaders(200, 0);
                    OutputStream out = ex.getResponseBody();
                    while (!testOver.await(50, TimeUnit.MILLISECONDS)) {
                        out.write('x');
                        out.flush();
                    }
                });
        try (HttpFetcher impatient =
                new HttpFetcher(
                        TestPolicies.loopback().totalTimeout(Duration.ofSeconds(1)).build())) {

            // When the page is fetched with a total budget of one second
            FetchResult result = impatient.fetch(server.uri("/trickle"), FetchKind.PAGE);

            // Then the fetch gives up on the budget, as a retryable failure
            assertThat(result)
                    .isEqualTo(
                            FetchResult.Failed.transientFailure(
                                    "fetch exceeded its total timeout of 1 s"));
        }
    }

    @Test
    void refusedConnectionIsRetryable() throws Exception {
        // Given a port nobody listens on
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        // When it is fetched
        FetchResult result =
                fetcher.fetch(URI.create("http://127.0.0.1:" + port + "/"), FetchKind.PAGE);

        // Then it fails, retryably, saying it could not connect
        assertThat(result).isInstanceOf(FetchResult.Failed.class);
        FetchResult.Failed failed = (FetchResult.Failed) result;
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.reason()).startsWith("cannot connect to 127.0.0.1");
    }
}
