package dev.newsflow.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.inference.embedding.MiniLmEmbedder;
import dev.newsflow.jobs.config.PersonaConfig;
import dev.newsflow.jobs.job.PersonaJob;
import dev.newsflow.jobs.job.PersonaSinks;
import dev.newsflow.query.auth.CreateApiKey;
import dev.newsflow.query.auth.Role;
import dev.newsflow.query.config.QueryServiceConfig;
import dev.newsflow.query.testing.FeedArticles;
import dev.newsflow.query.testing.HttpProbe;
import dev.newsflow.query.testing.HttpProbe.Answer;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.kafka.Topics;
import dev.newsflow.testkit.RealServices;
import dev.newsflow.testkit.flink.FlinkTestCluster;
import dev.newsflow.testkit.kafka.KafkaBroker;
import dev.newsflow.testkit.opensearch.OpenSearchNode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feed end to end on real services: articles with MiniLM embeddings in OpenSearch and on {@code
 * news.enriched}; a reader's likes and dislikes go through {@code POST /interactions} to Kafka
 * {@code user.interactions}, the persona job (Flink MiniCluster, RocksDB, checkpoints) turns them
 * into a persona in OpenSearch {@code personas}, and the next {@code GET /feed} is built from it.
 */
@ExtendWith(RealServices.class)
class FeedITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final String READER = "feed-reader";

    @Test
    void likesAndDislikesTurnATopStoriesFeedIntoThePersonalOne(
            KafkaBroker kafka, OpenSearchNode openSearch, @TempDir Path dir) throws Exception {
        // Given: six football and six astrophysics articles from the last hours; the
        // astrophysics ones are the more important stories
        List<EnrichedArticle> articles;
        try (MiniLmEmbedder embedder = new MiniLmEmbedder()) {
            articles = FeedArticles.enriched(embedder, Instant.now());
        }
        FeedArticles.index(openSearch.httpUri(), articles);
        FeedArticles.publish(kafka.bootstrapServers(), articles);
        // And: the persona job, and the query service, both on the real Kafka and OpenSearch
        JobClient job = startPersonaJob(kafka, openSearch, dir.resolve("checkpoints"));
        Path keys = dir.resolve("keys.json");
        String key = CreateApiKey.create(keys, READER, Role.USER);
        Vertx vertx = Vertx.vertx();
        MiniLmEmbedder queryEmbedder = new MiniLmEmbedder();
        try {
            QueryServiceConfig config =
                    QueryServiceConfig.defaults()
                            .withHttpPort(0)
                            .withOpenSearchUri(openSearch.httpUri())
                            .withKafkaBootstrapServers(kafka.bootstrapServers())
                            .withApiKeysFile(keys);
            QueryServiceHandle service =
                    QueryService.deploy(vertx, config, queryEmbedder).await(60, TimeUnit.SECONDS);
            HttpProbe http = new HttpProbe(service.baseUri());

            // When: the reader opens the feed before any interaction
            JsonObject cold = feed(http, key, "?limit=6");

            // Then: a cold start, most important first: astrophysics leads
            assertThat(cold.getString("mode")).isEqualTo("coldStart");
            assertThat(ids(cold)).hasSize(6).first().asString().startsWith("astro-");
            assertThat(cold.getJsonArray("items").getJsonObject(0).getString("why"))
                    .isEqualTo("top story");

            // When: the reader likes two football articles and dislikes three astrophysics ones
            List<String> liked = List.of("football-0", "football-1");
            List<String> disliked = List.of("astro-0", "astro-1", "astro-2");
            liked.forEach(id -> interact(http, key, id, "LIKE"));
            disliked.forEach(id -> interact(http, key, id, "DISLIKE"));
            // And: the persona job has applied all five
            awaitPersona(openSearch, 5);
            JsonObject personal = feed(http, key, "?limit=10");

            // Then: the feed is personal, football first, no astrophysics, nothing already seen
            System.out.printf("FeedITCase: cold %s, personal %s%n", ids(cold), ids(personal));
            personal.getJsonArray("items")
                    .forEach(i -> System.out.printf("FeedITCase: item %s%n", i));
            assertThat(personal.getString("mode")).isEqualTo("personal");
            assertThat(personal.getLong("personaVersion")).isNotNull();
            List<String> ids = ids(personal);
            assertThat(ids)
                    .containsExactlyInAnyOrder(
                            "football-2", "football-3", "football-4", "football-5");
            assertThat(ids).noneMatch(id -> id.startsWith("astro-"));
            JsonObject top = personal.getJsonArray("items").getJsonObject(0);
            assertThat(top.getString("why"))
                    .isIn(
                            "close to what you liked: " + FeedArticles.title("football-0"),
                            "close to what you liked: " + FeedArticles.title("football-1"));
            assertThat(top.getJsonObject("score").getDouble("similarity")).isGreaterThan(0.2);

            // And: two pages of two continue each other without repeats
            JsonObject page1 = feed(http, key, "?limit=2");
            JsonObject page2 =
                    feed(
                            http,
                            key,
                            "?limit=2&cursor="
                                    + URLEncoder.encode(
                                            page1.getString("nextCursor"), StandardCharsets.UTF_8));
            List<String> both = new ArrayList<>(ids(page1));
            both.addAll(ids(page2));
            assertThat(both).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
        } finally {
            job.cancel().get();
            vertx.close().await(30, TimeUnit.SECONDS);
            queryEmbedder.close();
        }
    }

    private static JobClient startPersonaJob(KafkaBroker kafka, OpenSearchNode openSearch, Path dir)
            throws Exception {
        PersonaConfig config =
                PersonaConfig.fromEnv(
                        Map.of(
                                PersonaConfig.KAFKA_BOOTSTRAP,
                                kafka.bootstrapServers(),
                                PersonaConfig.OPENSEARCH_URL,
                                openSearch.httpUri().toString(),
                                PersonaConfig.CONSUMER_GROUP,
                                "newsflow-persona-feed-it",
                                PersonaConfig.TRANSACTIONAL_ID_PREFIX,
                                "newsflow-persona-feed-it"));
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(
                        FlinkTestCluster.configuration(dir));
        env.setParallelism(FlinkTestCluster.PARALLELISM);
        PersonaJob.defineWorkflow(
                env,
                PersonaJob.kafkaSource(config, Topics.INTERACTIONS.name()),
                PersonaJob.kafkaSource(config, Topics.ENRICHED.name()),
                PersonaSinks.production(config),
                config);
        return env.executeAsync(PersonaJob.NAME);
    }

    private static JsonObject feed(HttpProbe http, String key, String query) throws Exception {
        Answer answer = http.send(http.request("/feed" + query).header("X-API-Key", key));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static void interact(HttpProbe http, String key, String articleId, String type) {
        try {
            Answer answer =
                    http.send(
                            http.request("/interactions")
                                    .header("Authorization", "Bearer " + key)
                                    .header("Content-Type", "application/json")
                                    .POST(
                                            BodyPublishers.ofString(
                                                    new JsonObject()
                                                            .put("articleId", articleId)
                                                            .put("type", type)
                                                            .encode())));
            assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        } catch (Exception e) {
            throw new AssertionError("POST /interactions " + articleId, e);
        }
    }

    /** Waits (up to {@link #WAIT}) until the reader's persona document counts {@code n}. */
    private static void awaitPersona(OpenSearchNode openSearch, long n) throws Exception {
        HttpProbe admin = new HttpProbe(openSearch.httpUri());
        Instant deadline = Instant.now().plus(WAIT);
        long count = -1;
        while (Instant.now().isBefore(deadline)) {
            Answer answer = admin.get("personas/_doc/" + READER);
            if (answer.status() == 200) {
                count = answer.json().getJsonObject("_source").getLong("interactionCount");
                if (count >= n) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError(
                "persona of " + READER + " has " + count + " interactions, not " + n);
    }

    private static List<String> ids(JsonObject page) {
        return page.getJsonArray("items").stream()
                .map(i -> ((JsonObject) i).getString("id"))
                .toList();
    }
}
