package dev.newsflow.jobs.functions.fetch;

import static dev.newsflow.jobs.functions.fetch.LocalHttpServer.respond;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SSRF guard end to end with loopback NOT allowed: literal addresses, names that resolve to
 * loopback (the check is on the address connected to), and a redirect from an allowed server.
 */
class HttpFetcherAddressGuardTest {

    private final LocalHttpServer loopbackServer = LocalHttpServer.onLoopback();
    private final FakeDns dns = new FakeDns();
    private final HttpFetcher guarded =
            new HttpFetcher(
                    TestPolicies.loopback().allowLoopback(false).build(), dns, Clock.systemUTC());

    @AfterEach
    void tearDown() throws Exception {
        guarded.close();
        loopbackServer.close();
    }

    @Test
    void loopbackLiteralsAreRefusedWithoutConnecting() {
        // Given a live server on 127.0.0.1 and the same host in other spellings
        loopbackServer.route("/", ex -> respond(ex, 200, html(), page()));
        int port = loopbackServer.port();

        // When it is fetched as 127.0.0.1, as IPv4-mapped IPv6 and as 0.0.0.0
        FetchResult plain = guarded.fetch(loopbackServer.uri("/"), FetchKind.PAGE);
        FetchResult mapped = guarded.fetch(uri("[::ffff:127.0.0.1]", port), FetchKind.PAGE);
        FetchResult any = guarded.fetch(uri("0.0.0.0", port), FetchKind.PAGE);

        // Then every fetch is refused, permanently, and the server never saw a request
        assertThat(plain)
                .isEqualTo(
                        FetchResult.Failed.permanent(
                                "fetch of 127.0.0.1 refused: loopback address"));
        assertThat(mapped)
                .isEqualTo(
                        FetchResult.Failed.permanent(
                                "fetch of ::ffff:127.0.0.1 refused: loopback address"));
        assertThat(any)
                .isEqualTo(
                        FetchResult.Failed.permanent(
                                "fetch of 0.0.0.0 refused: unspecified address"));
        assertThat(loopbackServer.requests()).isEmpty();
    }

    @Test
    void nameResolvingToLoopbackIsRefused() throws Exception {
        // Given a public-looking name whose DNS answer is 127.0.0.1
        loopbackServer.route("/feed", ex -> respond(ex, 200, html(), page()));
        dns.add("feeds.example", "127.0.0.1");

        // When it is fetched
        FetchResult result =
                guarded.fetch(uri("feeds.example", loopbackServer.port()), FetchKind.FEED);

        // Then the resolved address is what gets refused
        assertThat(result)
                .isEqualTo(
                        FetchResult.Failed.permanent(
                                "fetch of feeds.example refused: resolves only to refused"
                                        + " addresses: 127.0.0.1 (loopback address)"));
        assertThat(loopbackServer.requests()).isEmpty();
    }

    @Test
    void nameResolvingToLoopbackIsFetchedWhenLoopbackIsAllowed() throws Exception {
        // Given the same name and a policy that allows loopback
        loopbackServer.route("/feed", ex -> respond(ex, 200, html(), page()));
        dns.add("feeds.example", "127.0.0.1");
        try (HttpFetcher allowing =
                new HttpFetcher(TestPolicies.loopback().build(), dns, Clock.systemUTC())) {

            // When it is fetched
            FetchResult result =
                    allowing.fetch(uri("feeds.example", loopbackServer.port()), FetchKind.PAGE);

            // Then it is fetched through the resolver, with the name in the Host header
            assertThat(result).isInstanceOf(FetchResult.Fetched.class);
            assertThat(loopbackServer.requests().get(0).headers().getFirst("Host"))
                    .isEqualTo("feeds.example:" + loopbackServer.port());
        }
    }

    @Test
    void redirectFromAnAllowedServerToLoopbackIsRefused() throws Exception {
        // Given a server on this machine's private (non-loopback) address, allowed by the policy,
        // that redirects to the loopback server
        Optional<InetAddress> lan = nonLoopbackIpv4();
        assumeTrue(lan.isPresent(), "needs a non-loopback IPv4 interface");
        loopbackServer.route("/secret", ex -> respond(ex, 200, html(), page()));
        try (LocalHttpServer lanServer = LocalHttpServer.on(lan.get());
                HttpFetcher fetcher =
                        new HttpFetcher(
                                TestPolicies.loopback()
                                        .allowLoopback(false)
                                        .allowPrivate(true)
                                        .build())) {
            lanServer.route(
                    "/feed",
                    ex ->
                            HttpFetcherRedirectTest.redirect(
                                    ex, 302, loopbackServer.uri("/secret").toString()));

            // When the allowed server is fetched
            FetchResult result = fetcher.fetch(lanServer.uri("/feed"), FetchKind.FEED);

            // Then the first hop happened, the redirect was refused, and loopback saw nothing
            assertThat(lanServer.requests()).hasSize(1);
            assertThat(result)
                    .isEqualTo(
                            FetchResult.Failed.permanent(
                                    "redirect to 127.0.0.1 refused: loopback address"));
            assertThat(loopbackServer.requests()).isEmpty();
        }
    }

    private static Optional<InetAddress> nonLoopbackIpv4() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(HttpFetcherAddressGuardTest::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .filter(a -> new AddressGuard(false, true).refusal(a).isEmpty())
                .findFirst();
    }

    private static boolean isUp(NetworkInterface nic) {
        try {
            return nic.isUp() && !nic.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }

    private static URI uri(String host, int port) {
        return URI.create("http://" + host + ":" + port + "/feed");
    }

    private static Map<String, String> html() {
        return Map.of("Content-Type", "text/html");
    }

    private static byte[] page() {
        return "<html></html>".getBytes(UTF_8);
    }
}
