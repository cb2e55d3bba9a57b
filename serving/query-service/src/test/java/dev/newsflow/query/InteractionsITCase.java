package dev.newsflow.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.query.auth.CreateApiKey;
import dev.newsflow.query.auth.Role;
import dev.newsflow.query.config.QueryServiceConfig;
import dev.newsflow.query.config.QueryServiceConfig.RateLimit;
import dev.newsflow.query.testing.FakeTextEmbedder;
import dev.newsflow.query.testing.HttpProbe;
import dev.newsflow.query.testing.HttpProbe.Answer;
import dev.newsflow.schemas.Interaction;
import dev.newsflow.schemas.InteractionType;
import dev.newsflow.schemas.kafka.Topics;
import dev.newsflow.testkit.RealServices;
import dev.newsflow.testkit.kafka.KafkaBroker;
import dev.newsflow.testkit.kafka.TopicReader;
import dev.newsflow.testkit.opensearch.OpenSearchNode;
import io.vertx.core.Vertx;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /interactions} through a real, idempotent Kafka producer onto {@code
 * user.interactions}, read back as the persona job reads it (read_committed); auth and rate limits
 * in front of real OpenSearch and Kafka. Search is not exercised here, so the embedder is a fake.
 */
@ExtendWith(RealServices.class)
class InteractionsITCase {

    @TempDir static Path dir;

    private static Vertx vertx;
    private static KafkaBroker kafka;
    private static QueryServiceConfig config;
    private static QueryServiceHandle service;
    private static HttpProbe http;
    private static String aliceKey;

    @BeforeAll
    static void startService(KafkaBroker broker, OpenSearchNode openSearch) throws Exception {
        kafka = broker;
        Path keys = dir.resolve("keys.json");
        aliceKey = CreateApiKey.create(keys, "alice", Role.USER);
        vertx = Vertx.vertx();
        config =
                QueryServiceConfig.defaults()
                        .withHttpPort(0)
                        .withOpenSearchUri(openSearch.httpUri())
                        .withKafkaBootstrapServers(kafka.bootstrapServers())
                        .withApiKeysFile(keys);
        service =
                QueryService.deploy(vertx, config, new FakeTextEmbedder())
                        .await(60, TimeUnit.SECONDS);
        http = new HttpProbe(service.baseUri());
    }

    @AfterAll
    static void stopService() throws Exception {
        if (vertx != null) {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void interactionsReachKafkaAsTheKeysUserAndARetryKeepsItsEventId() throws Exception {
        // When: a like, retried with the same Idempotency-Key, and a click without one
        String like = "{\"articleId\":\"ecb-rates\",\"type\":\"LIKE\"}";
        Answer first = post(aliceKey, "like-ecb-1", like);
        Answer retry = post(aliceKey, "like-ecb-1", like);
        Answer click = post(aliceKey, null, "{\"articleId\":\"hurricane\",\"type\":\"CLICK\"}");

        // Then every one is accepted, and the retry has the first one's event id
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(click.status()).isEqualTo(202);
        String eventId = first.json().getString("eventId");
        assertThat(retry.json().getString("eventId")).isEqualTo(eventId);
        assertThat(click.json().getString("eventId")).isNotEqualTo(eventId);

        // And the topic holds them, as alice, for the persona job to apply the like once
        List<Interaction> onTopic =
                TopicReader.readCommitted(
                        kafka.bootstrapServers(), Topics.INTERACTIONS, 3, Duration.ofSeconds(30));
        List<Interaction> likes =
                onTopic.stream().filter(i -> i.getEventId().equals(eventId)).toList();
        assertThat(likes).hasSize(2);
        assertThat(likes)
                .allSatisfy(
                        i -> {
                            assertThat(i.getUserId()).isEqualTo("alice");
                            assertThat(i.getArticleId()).isEqualTo("ecb-rates");
                            assertThat(i.getType()).isEqualTo(InteractionType.LIKE);
                            assertThat(i.getOccurredAt()).isNotNull();
                        });
        assertThat(onTopic)
                .anySatisfy(
                        i -> {
                            assertThat(i.getEventId()).isEqualTo(click.json().getString("eventId"));
                            assertThat(i.getType()).isEqualTo(InteractionType.CLICK);
                        });
    }

    @Test
    void withoutAKeyIs401AndMalformedBodiesAre400() throws Exception {
        Answer noKey = post(null, null, "{\"articleId\":\"a\",\"type\":\"LIKE\"}");
        Answer malformed = post(aliceKey, null, "{\"articleId\":");
        Answer unknownType = post(aliceKey, null, "{\"articleId\":\"a\",\"type\":\"SHARE\"}");
        Answer noArticle = post(aliceKey, null, "{\"type\":\"LIKE\"}");

        assertError(noKey, 401, "an API key is required");
        assertError(malformed, 400, "not a JSON object");
        assertError(unknownType, 400, "'type' must be one of [LIKE, DISLIKE, CLICK, HIDE]");
        assertError(noArticle, 400, "'articleId' is required");
    }

    @Test
    void readyChecksKafkaAndOpenSearch() throws Exception {
        Answer ready = http.get("/ready");

        assertThat(ready.status()).as(ready.body()).isEqualTo(200);
        assertThat(ready.json().getString("kafka")).isEqualTo("UP");
        assertThat(ready.json().getString("opensearch")).isIn("green", "yellow");
    }

    @Test
    void aUserOverTheRateLimitGets429() throws Exception {
        // Given a service of its own allowing one request, then one every 100 s
        QueryServiceHandle limited =
                QueryService.deploy(
                                vertx,
                                config.withRateLimit(new RateLimit(1, 0.01)),
                                new FakeTextEmbedder())
                        .await(60, TimeUnit.SECONDS);
        try {
            HttpProbe probe = new HttpProbe(limited.baseUri());
            String body = "{\"articleId\":\"a\",\"type\":\"HIDE\"}";

            // When
            Answer allowed = post(probe, aliceKey, null, body);
            Answer refused = post(probe, aliceKey, null, body);

            // Then
            assertThat(allowed.status()).isEqualTo(202);
            assertError(refused, 429, "rate limit exceeded");
            assertThat(refused.headers().firstValue("Retry-After")).contains("100");
        } finally {
            limited.close().await(30, TimeUnit.SECONDS);
        }
    }

    private static Answer post(String key, String idempotencyKey, String body) throws Exception {
        return post(http, key, idempotencyKey, body);
    }

    private static Answer post(HttpProbe probe, String key, String idempotencyKey, String body)
            throws Exception {
        HttpRequest.Builder request =
                probe.request("/interactions")
                        .header("Content-Type", "application/json")
                        .POST(BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return probe.send(request);
    }

    private static void assertError(Answer answer, int status, String message) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.json().getString("error")).contains(message);
    }
}
