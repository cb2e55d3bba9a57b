package dev.newsflow.jobs.functions.fetch;

import static dev.newsflow.jobs.functions.fetch.LocalHttpServer.respond;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Redirects are followed by hand, bounded, and every target is checked again. */
class HttpFetcherRedirectTest {

    private final LocalHttpServer server = LocalHttpServer.onLoopback();
    private final HttpFetcher fetcher =
            new HttpFetcher(TestPolicies.loopback().maxRedirects(3).build());

    @AfterEach
    void tearDown() throws Exception {
        fetcher.close();
        server.close();
    }

    @Test
    void chainWithinTheLimitEndsAtTheFinalUri() {
        // Given /a -301-> /b -302-> /c (relative) -> 200, with 3 redirects allowed
        server.route("/a", ex -> redirect(ex, 301, server.uri("/b").toString()));
        server.route("/b", ex -> redirect(ex, 302, "c"));
        server.route("/c", ex -> respond(ex, 200, Map.of("Content-Type", "text/html"), page()));

        // When /a is fetched
        FetchResult result = fetcher.fetch(server.uri("/a"), FetchKind.PAGE);

        // Then the page of /c comes back with /c as its final URI
        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
        assertThat(((FetchResult.Fetched) result).finalUri()).isEqualTo(server.uri("/c"));
        assertThat(server.requests())
                .extracting(LocalHttpServer.Request::path)
                .containsExactly("/a", "/b", "/c");
    }

    @Test
    void exactlyTheLimitIsStillFollowed() {
        // Given three redirects (the limit) before the page
        server.route("/r1", ex -> redirect(ex, 307, "/r2"));
        server.route("/r2", ex -> redirect(ex, 308, "/r3"));
        server.route("/r3", ex -> redirect(ex, 303, "/page"));
        server.route("/page", ex -> respond(ex, 200, Map.of("Content-Type", "text/html"), page()));

        // When /r1 is fetched
        FetchResult result = fetcher.fetch(server.uri("/r1"), FetchKind.PAGE);

        // Then the page is reached
        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
    }

    @Test
    void chainBeyondTheLimitFails() {
        // Given a redirect loop
        server.route("/loop", ex -> redirect(ex, 302, "/loop"));

        // When it is fetched
        FetchResult result = fetcher.fetch(server.uri("/loop"), FetchKind.PAGE);

        // Then it stops after the limit: the first request plus three redirects
        assertThat(result)
                .isEqualTo(FetchResult.Failed.permanent("too many redirects (more than 3)"));
        assertThat(server.requests()).hasSize(4);
    }

    @Test
    void redirectToTheMetadataAddressIsRefused() {
        // Given an allowed server redirecting to the cloud metadata endpoint, v4 and v6
        server.route("/v4", ex -> redirect(ex, 302, "http://169.254.169.254/latest/meta-data/"));
        server.route("/v6", ex -> redirect(ex, 301, "http://[fd00:ec2::254]/latest/"));

        // When both are fetched
        FetchResult v4 = fetcher.fetch(server.uri("/v4"), FetchKind.PAGE);
        FetchResult v6 = fetcher.fetch(server.uri("/v6"), FetchKind.PAGE);

        // Then both redirects are refused without a retry, naming the address and why
        assertThat(v4)
                .isEqualTo(
                        FetchResult.Failed.permanent(
                                "redirect to 169.254.169.254 refused: cloud metadata address"));
        assertThat(v6)
                .isEqualTo(
                        FetchResult.Failed.permanent(
                                "redirect to fd00:ec2::254 refused: cloud metadata address"));
    }

    @Test
    void redirectToAPrivateAddressIsRefusedUnlessAllowed() {
        // Given a redirect to a private address (policy: loopback yes, private no)
        server.route("/p", ex -> redirect(ex, 302, "http://10.1.2.3/admin"));

        // When it is fetched
        FetchResult result = fetcher.fetch(server.uri("/p"), FetchKind.PAGE);

        // Then it is refused
        assertThat(result)
                .isEqualTo(
                        FetchResult.Failed.permanent(
                                "redirect to 10.1.2.3 refused: private address"));
    }

    @Test
    void redirectToOtherSchemesOrUserInfoIsRefused() {
        // Given redirects to a file URL and to a URL with credentials
        server.route("/file", ex -> redirect(ex, 302, "file:///etc/passwd"));
        server.route("/creds", ex -> redirect(ex, 302, "http://admin:secret@example.org/"));

        // When both are fetched
        FetchResult file = fetcher.fetch(server.uri("/file"), FetchKind.PAGE);
        FetchResult creds = fetcher.fetch(server.uri("/creds"), FetchKind.PAGE);

        // Then both are refused, and the credentials do not leak into the reason
        assertThat(file)
                .isEqualTo(
                        FetchResult.Failed.permanent(
                                "redirect to file:///etc/passwd refused: scheme file is not http or https"));
        assertThat(creds)
                .isEqualTo(
                        FetchResult.Failed.permanent(
                                "redirect to http://example.org/ refused: URL carries user info"));
    }

    @Test
    void redirectWithoutLocationFails() {
        // Given a 302 without a Location header
        server.route("/bad", ex -> respond(ex, 302, Map.of(), new byte[0]));

        // When it is fetched
        FetchResult result = fetcher.fetch(server.uri("/bad"), FetchKind.PAGE);

        // Then it fails permanently
        assertThat(result)
                .isEqualTo(
                        new FetchResult.Failed("HTTP 302 redirect without a Location", false, 302));
    }

    static void redirect(HttpExchange ex, int status, String location) throws IOException {
        respond(ex, status, Map.of("Location", location), new byte[0]);
    }

    private static byte[] page() {
        return "<html><body>here</body></html>".getBytes(UTF_8);
    }
}
