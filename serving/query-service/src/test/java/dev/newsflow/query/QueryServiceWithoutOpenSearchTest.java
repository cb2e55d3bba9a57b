package dev.newsflow.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.query.config.QueryServiceConfig;
import dev.newsflow.query.testing.FakeInteractionLog;
import dev.newsflow.query.testing.FakeTextEmbedder;
import dev.newsflow.query.testing.HttpProbe;
import dev.newsflow.query.testing.HttpProbe.Answer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What clients see when OpenSearch is down or the embedder fails: JSON 5xx, never a trace. */
class QueryServiceWithoutOpenSearchTest {

    private static Vertx vertx;
    private static QueryServiceHandle service;
    private static QueryServiceHandle brokenEmbedderService;

    @BeforeAll
    static void startServices() throws Exception {
        vertx = Vertx.vertx();
        QueryServiceConfig config =
                QueryServiceConfig.defaults()
                        .withHttpPort(0)
                        .withOpenSearchUri(URI.create("http://127.0.0.1:" + closedPort()))
                        .withOpenSearchTimeout(Duration.ofSeconds(2));
        service =
                QueryService.deploy(
                                vertx,
                                config,
                                new FakeTextEmbedder(),
                                new FakeInteractionLog().factory())
                        .await(30, TimeUnit.SECONDS);
        brokenEmbedderService =
                QueryService.deploy(
                                vertx,
                                config,
                                FakeTextEmbedder.failing(),
                                new FakeInteractionLog().factory())
                        .await(30, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopServices() throws Exception {
        vertx.close().await(30, TimeUnit.SECONDS);
    }

    @Test
    void healthStaysUp() throws Exception {
        assertThat(probe(service).get("/health").status()).isEqualTo(200);
    }

    @Test
    void readyIs503WithTheReason() throws Exception {
        Answer answer = probe(service).get("/ready");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.json())
                .isEqualTo(
                        new JsonObject()
                                .put("opensearch", "OpenSearch is unreachable")
                                .put("kafka", "UP")
                                .put("status", "NOT_READY")
                                .put("error", "OpenSearch is unreachable"));
    }

    @Test
    void searchAndArticleAre503WithoutStackTrace() throws Exception {
        Answer search = probe(service).get("/search?q=rates");
        Answer article = probe(service).get("/articles/rates-1");

        for (Answer answer : new Answer[] {search, article}) {
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.contentType()).startsWith("application/json");
            assertThat(answer.json())
                    .isEqualTo(new JsonObject().put("error", "OpenSearch is unreachable"));
        }
    }

    @Test
    void embedderFailureIsA500WithoutDetails() throws Exception {
        Answer answer = probe(brokenEmbedderService).get("/search?q=rates");

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.json()).isEqualTo(new JsonObject().put("error", "internal server error"));
        assertThat(answer.body()).doesNotContain("fake embedder failure", "Exception");
    }

    @Test
    void closedServiceNoLongerListens() throws Exception {
        // Given a service of its own
        QueryServiceConfig config =
                QueryServiceConfig.defaults()
                        .withHttpPort(0)
                        .withOpenSearchUri(URI.create("http://127.0.0.1:" + closedPort()));
        QueryServiceHandle own =
                QueryService.deploy(
                                vertx,
                                config,
                                new FakeTextEmbedder(),
                                new FakeInteractionLog().factory())
                        .await(30, TimeUnit.SECONDS);
        HttpProbe probe = probe(own);
        assertThat(probe.get("/health").status()).isEqualTo(200);

        // When
        own.close().await(30, TimeUnit.SECONDS);

        // Then: a new connection is refused (a fresh client, so no pooled connection that the
        // closing server ends with an HTTP/2 GOAWAY instead)
        assertThatThrownBy(() -> probe(own).get("/health")).isInstanceOf(ConnectException.class);
    }

    private static HttpProbe probe(QueryServiceHandle handle) {
        return new HttpProbe(handle.baseUri());
    }

    /** A port nothing listens on (bound once, then released). */
    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
