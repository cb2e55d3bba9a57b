package dev.newsflow.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.query.auth.CreateApiKey;
import dev.newsflow.query.auth.Role;
import dev.newsflow.query.config.QueryServiceConfig;
import dev.newsflow.query.config.QueryServiceConfig.RateLimit;
import dev.newsflow.query.testing.FakeBackedService;
import dev.newsflow.query.testing.FakeInteractionLog;
import dev.newsflow.query.testing.FakeOpenSearch;
import dev.newsflow.query.testing.FakeTextEmbedder;
import dev.newsflow.query.testing.HttpProbe;
import dev.newsflow.query.testing.HttpProbe.Answer;
import dev.newsflow.schemas.Interaction;
import dev.newsflow.schemas.InteractionType;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Auth, interactions, rate limits, metrics and the API description on an ephemeral port, in front
 * of fakes; the same against real Kafka and OpenSearch is in {@code InteractionsITCase}.
 */
class ApiRoutesHttpTest {

    @TempDir static Path dir;

    private static Vertx vertx;
    private static FakeOpenSearch openSearch;
    private static FakeInteractionLog interactions;
    private static QueryServiceHandle service;
    private static HttpProbe http;
    private static String userKey;
    private static String analystKey;

    @BeforeAll
    static void startService() throws Exception {
        Path keys = dir.resolve("keys.json");
        userKey = CreateApiKey.create(keys, "alice", Role.USER);
        analystKey = CreateApiKey.create(keys, "ana", Role.ANALYST);
        vertx = Vertx.vertx();
        openSearch =
                FakeOpenSearch.start(vertx, "articles")
                        .add(new JsonObject().put("id", "a1").put("title", "Rates"));
        interactions = new FakeInteractionLog();
        QueryServiceConfig config = FakeBackedService.config(openSearch.uri(), keys);
        service =
                QueryService.deploy(vertx, config, new FakeTextEmbedder(), interactions.factory())
                        .await(30, TimeUnit.SECONDS);
        http = new HttpProbe(service.baseUri());
    }

    @AfterAll
    static void stopService() throws Exception {
        vertx.close().await(30, TimeUnit.SECONDS);
    }

    @BeforeEach
    void kafkaUp() {
        interactions.down(false);
    }

    @Test
    void interactionIsPublishedAsTheUserOfTheKey() throws Exception {
        // When
        Answer answer = post(userKey, null, "{\"articleId\":\"a1\",\"type\":\"LIKE\"}");

        // Then
        assertThat(answer.status()).isEqualTo(202);
        String eventId = answer.json().getString("eventId");
        Interaction published =
                interactions.published().stream()
                        .filter(i -> i.getEventId().equals(eventId))
                        .findFirst()
                        .orElseThrow();
        assertThat(published.getUserId()).isEqualTo("alice");
        assertThat(published.getArticleId()).isEqualTo("a1");
        assertThat(published.getType()).isEqualTo(InteractionType.LIKE);
        assertThat(answer.json().getString("userId")).isEqualTo("alice");
    }

    @Test
    void theSameIdempotencyKeyGivesTheSameEventIdAndTheXApiKeyHeaderWorks() throws Exception {
        String body = "{\"articleId\":\"a1\",\"type\":\"CLICK\"}";

        Answer first = post(userKey, "retry-1", body);
        Answer again =
                http.send(
                        http.request("/interactions")
                                .header("X-API-Key", userKey)
                                .header("Idempotency-Key", "retry-1")
                                .POST(BodyPublishers.ofString(body)));
        Answer other = post(userKey, "retry-2", body);

        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().getString("eventId")).isEqualTo(first.json().getString("eventId"));
        assertThat(other.json().getString("eventId"))
                .isNotEqualTo(first.json().getString("eventId"));
    }

    @Test
    void missingOrWrongKeysAre401AndAUserKeyOnTheAnalystRouteIs403() throws Exception {
        Answer none = post(null, null, "{\"articleId\":\"a1\",\"type\":\"LIKE\"}");
        Answer wrong = post(userKey + "x", null, "{\"articleId\":\"a1\",\"type\":\"LIKE\"}");
        Answer statsAsUser =
                http.send(http.request("/api/stats").header("Authorization", "Bearer " + userKey));
        Answer statsWithoutKey = http.get("/api/stats");

        assertError(none, 401, "an API key is required");
        assertError(wrong, 401, "invalid API key");
        assertError(statsAsUser, 403, "requires the ANALYST role");
        assertError(statsWithoutKey, 401, "an API key is required");
    }

    @Test
    void malformedInteractionsAre400WithAMessage() throws Exception {
        int before = interactions.published().size();

        assertError(post(userKey, null, "{oops"), 400, "not a JSON object");
        assertError(
                post(userKey, null, "{\"articleId\":\"a1\",\"type\":\"LOVE\"}"),
                400,
                "'type' must be one of");
        assertError(post(userKey, null, "{\"type\":\"LIKE\"}"), 400, "'articleId' is required");
        assertError(
                post(userKey, null, "{\"articleId\":\"a1\",\"type\":\"LIKE\",\"userId\":\"bob\"}"),
                400,
                "unknown field(s) [userId]");
        assertError(
                post(userKey, "bad key", "{\"articleId\":\"a1\",\"type\":\"LIKE\"}"),
                400,
                "Idempotency-Key");
        assertThat(post(userKey, null, "x".repeat(5_000)).status()).isEqualTo(413);

        assertThat(interactions.published()).hasSize(before);
    }

    @Test
    void kafkaDownIs503AndNotReady() throws Exception {
        interactions.down(true);

        assertError(
                post(userKey, null, "{\"articleId\":\"a1\",\"type\":\"HIDE\"}"),
                503,
                "Kafka is unavailable");
        Answer ready = http.get("/ready");
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.json().getString("kafka")).isEqualTo("Kafka is unreachable");
        assertThat(ready.json().getString("error")).isEqualTo("Kafka is unreachable");
    }

    @Test
    void openApiDescriptionIsServed() throws Exception {
        Answer answer = http.get("/openapi.yaml");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/yaml");
        assertThat(answer.body()).startsWith("openapi: 3").contains("/interactions:");
    }

    @Test
    void metricsHaveLatencyHistogramsPerRouteTemplate() throws Exception {
        http.get("/search?q=rates");
        http.get("/articles/a1");

        Answer metrics = http.get("/metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(metrics.body())
                .contains("http_server_requests_seconds_bucket{")
                .contains("route=\"/search\"")
                .contains("route=\"/articles/:id\"")
                .doesNotContain("route=\"/articles/a1\"");
    }

    @Test
    void overTheLimitIs429WithRetryAfter() throws Exception {
        // Given a service of its own allowing 2 requests, then one every 100 s
        QueryServiceConfig config =
                QueryServiceConfig.defaults()
                        .withHttpPort(0)
                        .withOpenSearchUri(openSearch.uri())
                        .withApiKeysFile(dir.resolve("keys.json"))
                        .withRateLimit(new RateLimit(2, 0.01));
        QueryServiceHandle limited =
                QueryService.deploy(vertx, config, new FakeTextEmbedder(), interactions.factory())
                        .await(30, TimeUnit.SECONDS);
        HttpProbe probe = new HttpProbe(limited.baseUri());
        try {
            // When
            int first = probe.get("/articles/a1").status();
            int second = probe.get("/articles/a1").status();
            Answer third = probe.get("/articles/a1");
            Answer withKey = probe.send(probe.request("/articles/a1").header("X-API-Key", userKey));

            // Then: the IP is limited; a key has its own bucket; probes are never limited
            assertThat(first).isEqualTo(200);
            assertThat(second).isEqualTo(200);
            assertThat(third.status()).isEqualTo(429);
            assertThat(third.headers().firstValue("Retry-After")).contains("100");
            assertThat(third.json().getString("error")).contains("rate limit exceeded");
            assertThat(withKey.status()).isEqualTo(200);
            assertThat(probe.get("/health").status()).isEqualTo(200);
        } finally {
            limited.close().await(30, TimeUnit.SECONDS);
        }
    }

    private static Answer post(String key, String idempotencyKey, String body) throws Exception {
        HttpRequest.Builder request =
                http.request("/interactions")
                        .header("Content-Type", "application/json")
                        .POST(BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request);
    }

    private static void assertError(Answer answer, int status, String message) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.json().getString("error")).contains(message);
    }
}
