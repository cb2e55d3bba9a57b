package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.cli.publish.SampleArticles;
import dev.newsflow.cli.stack.LocalStack;
import dev.newsflow.cli.stack.Progress;
import dev.newsflow.schemas.CrawlEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@code ./newsflow up} does, end to end: real Kafka → Flink (parallelism 2, RocksDB) with the
 * real models behind the local inference server (gRPC) → OpenSearch → the HTTP query service, with
 * the bundled sample and a poison record; then everything stops and no server process is left.
 */
class LocalStackITCase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void sampleArticlesBecomeSearchableThroughTheQueryServiceAndEverythingStops() throws Exception {
        // Given: a work directory the unprivileged OpenSearch user can reach
        Path work = Files.createTempDirectory("newsflow-local-stack-");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(console, true, StandardCharsets.UTF_8), 5);
        List<CrawlEvent> events = new ArrayList<>(SampleArticles.load(Clock.systemUTC()));
        events.add(
                CrawlEvent.newBuilder(events.get(0))
                        .setUrl("https://broken.example/empty")
                        .setHtml("<html><body><nav>Home</nav></body></html>")
                        .build());

        try (LocalStack stack =
                LocalStack.start(new LocalStack.Options(work, 0, freePort(), 2), progress)) {
            // When: the sample is published
            stack.publish(events);
            boolean processed =
                    stack.awaitProcessed(events.size(), Duration.ofMinutes(4), progress);

            // Then: every event was indexed, dropped as a duplicate or dead-lettered, and search
            // finds by meaning
            assertThat(processed).as("all processed; console:%n%s", console).isTrue();
            assertThat(console.toString(StandardCharsets.UTF_8))
                    .contains(
                            "31 of 31 processed: 29 enriched, 1 dropped as duplicate, 1"
                                    + " dead-lettered")
                    // The sample holds one syndicated copy: another site's version of a story.
                    .contains(
                            "duplicate (NEAR_DUPLICATE):"
                                    + " https://eastmoor-post.example/news/rail-line-closed")
                    .contains("dead-lettered at extract: no text extracted");
            JsonNode results =
                    get(stack.queryServiceUri().resolve("/search?q=interest+rate+decision&k=3"))
                            .path("results");
            assertThat(results).hasSize(3);
            assertThat(results.get(0).path("title").asText()).containsIgnoringCase("rate");
            String id = results.get(0).path("id").asText();
            JsonNode article = get(stack.queryServiceUri().resolve("/articles/" + id));
            assertThat(article.path("id").asText()).isEqualTo(id);
            // And: the inference server summarized it (the stored summary, not a text snippet)
            assertThat(article.path("summary").isTextual()).as("summary of %s", article).isTrue();
            assertThat(article.path("summary").asText()).isNotBlank();
            assertThat(console.toString(StandardCharsets.UTF_8))
                    .containsPattern(
                            "Inference  127\\.0\\.0\\.1:\\d+  models: embedder, summarizer");

            // And: the reader's cold-start feed shows the sample (republished as recent news),
            // the most important stories first
            JsonNode feed =
                    get(
                            stack.queryServiceUri().resolve("/feed?limit=5"),
                            "Bearer " + stack.apiKeys().readerKey());
            assertThat(feed.path("mode").asText()).isEqualTo("coldStart");
            assertThat(feed.path("items")).as("cold-start feed %s", feed).hasSize(5);

            // And: a followed feed is polled by the ingestion job and its health reported; a
            // loopback feed is refused by the SSRF guard under the stack's default policy
            stack.follow(List.of(URI.create("http://127.0.0.1:9/feed.xml")));
            awaitConsole(console, "feed http://127.0.0.1:9/feed.xml: ");
            assertThat(console.toString(StandardCharsets.UTF_8))
                    .containsPattern(
                            "feed http://127.0.0.1:9/feed.xml: (FAILED|REJECTED).*loopback");
        }

        // And: nothing this JVM started is still running
        awaitNoChildProcesses();
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList())
                .isEmpty();
    }

    private JsonNode get(URI uri) throws Exception {
        return get(uri, null);
    }

    private JsonNode get(URI uri, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response =
                http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", uri, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static void awaitNoChildProcesses() throws InterruptedException {
        for (int i = 0;
                i < 50 && ProcessHandle.current().children().anyMatch(ProcessHandle::isAlive);
                i++) {
            Thread.sleep(200);
        }
    }

    private static void awaitConsole(ByteArrayOutputStream console, String text)
            throws InterruptedException {
        for (int i = 0; i < 120 && !console.toString(StandardCharsets.UTF_8).contains(text); i++) {
            Thread.sleep(500);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
