package dev.newsflow.jobs.functions.fetch;

import static dev.newsflow.jobs.functions.fetch.LocalHttpServer.respond;
import static dev.newsflow.jobs.functions.fetch.LocalHttpServer.respondChunked;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Content encodings, size limits and content types. */
class HttpFetcherBodyTest {

    private static final String PAGE = "<html><body>" + "news ".repeat(2_000) + "</body></html>";
    private static final int ONE_MIB = 1024 * 1024;

    private final LocalHttpServer server = LocalHttpServer.onLoopback();
    private final HttpFetcher fetcher =
            new HttpFetcher(
                    TestPolicies.loopback()
                            .maxBodyBytes(ONE_MIB)
                            .maxDecompressedBytes(2L * ONE_MIB)
                            .build());

    @AfterEach
    void tearDown() throws Exception {
        fetcher.close();
        server.close();
    }

    @Test
    void gzipBodyIsDecompressedAndGzipWasAskedFor() throws IOException {
        // Given a gzip-encoded page
        byte[] gzipped = gzip(PAGE.getBytes(UTF_8));
        server.route("/p", ex -> respond(ex, 200, encoded("gzip"), gzipped));

        // When it is fetched
        FetchResult result = fetcher.fetch(server.uri("/p"), FetchKind.PAGE);

        // Then the body is the original text, and the request offered gzip and deflate
        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
        assertThat(new String(((FetchResult.Fetched) result).body(), UTF_8)).isEqualTo(PAGE);
        assertThat(server.requests().get(0).headers().getFirst("Accept-Encoding"))
                .isEqualTo("gzip, deflate");
    }

    @Test
    void zlibAndRawDeflateBodiesAreDecompressed() throws IOException {
        // Given a deflate body as the spec says (zlib) and one as some servers send (raw)
        server.route("/zlib", ex -> respond(ex, 200, encoded("deflate"), deflate(false)));
        server.route("/raw", ex -> respond(ex, 200, encoded("deflate"), deflate(true)));

        // When both are fetched
        FetchResult zlib = fetcher.fetch(server.uri("/zlib"), FetchKind.PAGE);
        FetchResult raw = fetcher.fetch(server.uri("/raw"), FetchKind.PAGE);

        // Then both decode to the original text
        assertThat(new String(((FetchResult.Fetched) zlib).body(), UTF_8)).isEqualTo(PAGE);
        assertThat(new String(((FetchResult.Fetched) raw).body(), UTF_8)).isEqualTo(PAGE);
    }

    @Test
    void gzipBombIsRefusedAtTheDecompressedLimit() throws IOException {
        // Given 16 MiB of zeros gzipped into well under the 1 MiB wire limit
        byte[] bomb = gzip(new byte[16 * ONE_MIB]);
        assertThat(bomb.length).isLessThan(ONE_MIB);
        server.route("/bomb", ex -> respond(ex, 200, encoded("gzip"), bomb));

        // When it is fetched
        FetchResult result = fetcher.fetch(server.uri("/bomb"), FetchKind.PAGE);

        // Then it is refused, permanently, naming the decompressed limit
        assertThat(result)
                .isEqualTo(
                        FetchResult.Failed.permanent(
                                "decompressed body exceeds 2,097,152 bytes (gzip)"));
    }

    @Test
    void declaredLengthOverTheLimitIsRefusedBeforeReading() {
        // Given a page whose Content-Length exceeds the limit
        server.route("/big", ex -> respond(ex, 200, html(), new byte[ONE_MIB + 1]));

        // When it is fetched
        FetchResult result = fetcher.fetch(server.uri("/big"), FetchKind.PAGE);

        // Then it is refused with the limit and the declared length
        assertThat(result)
                .isEqualTo(
                        FetchResult.Failed.permanent(
                                "body exceeds 1,048,576 bytes (Content-Length 1,048,577)"));
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // if it drained: never
    void chunkedBodyOverTheLimitIsCutOffWithoutDrainingTheRest() {
        // Given an endless chunked page, which declares no length
        server.route(
                "/stream",
                ex -> respondChunked(ex, "text/html", new byte[64 * 1024], Integer.MAX_VALUE));

        // When it is fetched
        FetchResult result = fetcher.fetch(server.uri("/stream"), FetchKind.PAGE);

        // Then reading stops at the limit
        assertThat(result).isEqualTo(FetchResult.Failed.permanent("body exceeds 1,048,576 bytes"));
    }

    @Test
    void contentTypeOutsideTheKindsListIsRefused() {
        // Given an image where a page was expected, and HTML where a feed was expected
        server.route(
                "/img", ex -> respond(ex, 200, Map.of("Content-Type", "image/png"), new byte[10]));
        server.route("/html", ex -> respond(ex, 200, html(), PAGE.getBytes(UTF_8)));

        // When the image is fetched as a page and the HTML as a page and as a feed
        FetchResult image = fetcher.fetch(server.uri("/img"), FetchKind.PAGE);
        FetchResult htmlAsPage = fetcher.fetch(server.uri("/html"), FetchKind.PAGE);
        FetchResult htmlAsFeed = fetcher.fetch(server.uri("/html"), FetchKind.FEED);

        // Then the image is refused with its type; HTML passes for both (the feed parser rejects
        // it)
        assertThat(image)
                .isEqualTo(
                        new FetchResult.Failed(
                                "content type image/png not accepted for PAGE", false, 200));
        assertThat(htmlAsPage).isInstanceOf(FetchResult.Fetched.class);
        assertThat(htmlAsFeed).isInstanceOf(FetchResult.Fetched.class);
    }

    @Test
    void missingContentTypeAndUnknownEncodingAreRefused() {
        // Given a body without a Content-Type, and one in an encoding we never asked for
        server.route("/untyped", ex -> respond(ex, 200, Map.of(), PAGE.getBytes(UTF_8)));
        server.route("/br", ex -> respond(ex, 200, encoded("br"), new byte[] {1, 2, 3}));

        // When both are fetched
        FetchResult untyped = fetcher.fetch(server.uri("/untyped"), FetchKind.FEED);
        FetchResult brotli = fetcher.fetch(server.uri("/br"), FetchKind.PAGE);

        // Then both are refused, saying why
        assertThat(untyped)
                .isEqualTo(
                        new FetchResult.Failed(
                                "content type (none) not accepted for FEED", false, 200));
        assertThat(brotli)
                .isEqualTo(FetchResult.Failed.permanent("unsupported content encoding br"));
    }

    private static Map<String, String> html() {
        return Map.of("Content-Type", "text/html; charset=utf-8");
    }

    private static Map<String, String> encoded(String encoding) {
        return Map.of("Content-Type", "text/html; charset=utf-8", "Content-Encoding", encoding);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(boolean raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, raw);
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, deflater)) {
            z.write(PAGE.getBytes(UTF_8));
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }
}
