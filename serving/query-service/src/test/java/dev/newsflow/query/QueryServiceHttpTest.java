package dev.newsflow.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.query.config.QueryServiceConfig;
import dev.newsflow.query.search.HybridSearch;
import dev.newsflow.query.testing.FakeInteractionLog;
import dev.newsflow.query.testing.FakeOpenSearch;
import dev.newsflow.query.testing.FakeTextEmbedder;
import dev.newsflow.query.testing.HttpProbe;
import dev.newsflow.query.testing.HttpProbe.Answer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP API on an ephemeral port, in front of a fake OpenSearch and a fake embedder. */
class QueryServiceHttpTest {

    private static final JsonObject RATES =
            new JsonObject()
                    .put("id", "rates-1")
                    .put("url", "https://news.example/rates")
                    .put("source", "example")
                    .put("title", "Central bank raises rates")
                    .put("text", "The central bank raised its key rate by a quarter point.")
                    .put("summary", "Rates up a quarter point.")
                    .put("publishedAt", "2025-03-01T08:00:00Z")
                    .put("embedding", new JsonArray().add(0.5).add(0.5));
    private static final JsonObject STORM =
            new JsonObject()
                    .put("id", "storm-2")
                    .put("title", "Storm hits the coast")
                    .put("text", "A storm hit the coast overnight.");

    private static Vertx vertx;
    private static FakeOpenSearch openSearch;
    private static FakeTextEmbedder embedder;
    private static QueryServiceHandle service;
    private static HttpProbe http;

    @BeforeAll
    static void startService() throws Exception {
        vertx = Vertx.vertx();
        openSearch = FakeOpenSearch.start(vertx, "articles").add(RATES).add(STORM);
        embedder = new FakeTextEmbedder();
        QueryServiceConfig config =
                QueryServiceConfig.defaults().withHttpPort(0).withOpenSearchUri(openSearch.uri());
        service =
                QueryService.deploy(vertx, config, embedder, new FakeInteractionLog().factory())
                        .await(30, TimeUnit.SECONDS);
        http = new HttpProbe(service.baseUri());
    }

    @AfterAll
    static void stopService() throws Exception {
        service.close().await(30, TimeUnit.SECONDS);
        openSearch.close();
        vertx.close().await(30, TimeUnit.SECONDS);
    }

    @BeforeEach
    void healthyCluster() {
        openSearch.clusterStatus("green");
    }

    @Test
    void listensOnTheEphemeralPortItReports() throws Exception {
        assertThat(service.port()).isPositive().isNotEqualTo(QueryServiceConfig.DEFAULT_HTTP_PORT);
        assertThat(service.baseUri().toString()).isEqualTo("http://127.0.0.1:" + service.port());
        assertThat(http.get("/health").status()).isEqualTo(200);
    }

    @Test
    void healthIsUp() throws Exception {
        Answer answer = http.get("/health");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.json()).isEqualTo(new JsonObject().put("status", "UP"));
    }

    @Test
    void readyFollowsTheClusterHealth() throws Exception {
        // Given a green cluster
        Answer green = http.get("/ready");
        // And then a red one
        openSearch.clusterStatus("red");
        Answer red = http.get("/ready");

        // Then
        assertThat(green.status()).isEqualTo(200);
        assertThat(green.json().getString("opensearch")).isEqualTo("green");
        assertThat(green.json().getString("kafka")).isEqualTo("UP");
        assertThat(red.status()).isEqualTo(503);
        assertThat(red.json().getString("error")).isEqualTo("OpenSearch cluster status is red");
    }

    @Test
    void searchEmbedsTheQueryOffTheEventLoopAndFusesBm25AndKnn() throws Exception {
        // When
        Answer answer = http.get("/search?q=" + encode("interest rates") + "&k=2");

        // Then the answer lists the fused hits without embeddings or full text
        assertThat(answer.status()).isEqualTo(200);
        JsonObject body = answer.json();
        assertThat(body.getString("query")).isEqualTo("interest rates");
        JsonArray results = body.getJsonArray("results");
        assertThat(results).hasSize(2);
        JsonObject best = results.getJsonObject(0);
        assertThat(best.fieldNames())
                .containsExactlyInAnyOrder(
                        "id",
                        "title",
                        "summary",
                        "source",
                        "url",
                        "storyId",
                        "importance",
                        "publishedAt",
                        "author",
                        "imageUrl",
                        "highlights",
                        "score");
        assertThat(best.getString("id")).isEqualTo("rates-1");
        assertThat(best.getString("summary")).isEqualTo("Rates up a quarter point.");
        assertThat(best.getString("publishedAt")).isEqualTo("2025-03-01T08:00:00Z");
        // Both fake lists rank the articles alike: first in both is 2 / (60 + 1)
        assertThat(best.getJsonObject("score"))
                .isEqualTo(
                        new JsonObject().put("rrf", 2.0 / 61).put("bm25Rank", 1).put("knnRank", 1));
        assertThat(results.getJsonObject(1).getString("summary"))
                .isEqualTo("A storm hit the coast overnight.");
        // And OpenSearch got one BM25 and one kNN request with the query vector
        List<JsonObject> searches = openSearch.searches();
        List<JsonObject> lastTwo = searches.subList(searches.size() - 2, searches.size());
        JsonObject knnRequest =
                lastTwo.stream()
                        .filter(q -> q.getJsonObject("query").containsKey("knn"))
                        .findFirst()
                        .orElseThrow();
        JsonObject bm25Request =
                lastTwo.stream()
                        .filter(q -> q.getJsonObject("query").containsKey("bool"))
                        .findFirst()
                        .orElseThrow();
        JsonObject knn =
                knnRequest.getJsonObject("query").getJsonObject("knn").getJsonObject("embedding");
        assertThat(knn.getInteger("k")).isEqualTo(HybridSearch.window(2));
        assertThat(knn.getJsonArray("vector").getDouble(0))
                .isEqualTo(FakeTextEmbedder.vector("interest rates")[0], within());
        assertThat(bm25Request.encode()).contains("\"multi_match\"", "interest rates");
        // And the embedder ran on a worker thread
        assertThat(embedder.texts()).contains("interest rates");
        assertThat(embedder.threads())
                .allSatisfy(thread -> assertThat(thread).startsWith("newsflow-query-embedder"));
    }

    @Test
    void searchFiltersReachBothRequests() throws Exception {
        // When
        Answer answer =
                http.get(
                        "/search?q=rates&source=example,other&language=en&from=2025-03-01&to=2025-03-31");

        // Then
        assertThat(answer.status()).isEqualTo(200);
        List<JsonObject> searches = openSearch.searches();
        for (JsonObject search : searches.subList(searches.size() - 2, searches.size())) {
            assertThat(search.encode())
                    .contains(
                            "{\"terms\":{\"source\":[\"example\",\"other\"]}}",
                            "{\"term\":{\"language\":\"en\"}}",
                            "\"gte\":\"2025-03-01T00:00:00Z\"",
                            "\"lte\":\"2025-03-31T23:59:59.999Z\"");
        }
    }

    @Test
    void searchWithoutKUsesTheConfiguredDefault() throws Exception {
        Answer answer = http.get("/search?q=storm");

        assertThat(answer.status()).isEqualTo(200);
        JsonObject lastSearch = openSearch.searches().get(openSearch.searches().size() - 1);
        assertThat(lastSearch.getInteger("size"))
                .isEqualTo(HybridSearch.window(QueryServiceConfig.DEFAULT_K));
    }

    @Test
    void invalidSearchesAreRefusedWithJsonBeforeAnyWork() throws Exception {
        int searchesBefore = openSearch.searches().size();
        String tooLong = "a".repeat(1_001);

        assertBadRequest("/search", "'q' is required");
        assertBadRequest("/search?q=", "'q' is required");
        assertBadRequest("/search?q=%20%20", "'q' is required");
        assertBadRequest("/search?q=" + tooLong, "at most 1000 characters");
        assertBadRequest("/search?q=rates&k=0", "'k' must be between 1 and 100");
        assertBadRequest("/search?q=rates&k=101", "'k' must be between 1 and 100");
        assertBadRequest("/search?q=rates&k=ten", "'k' must be an integer");
        assertBadRequest("/search?q=rates&sort=date", "unknown query parameter(s) [sort]");
        assertBadRequest("/search?q=rates&from=yesterday", "'from' must be an ISO date");
        assertBadRequest("/search?q=rates&to=2025-13-01", "'to' must be an ISO date");
        assertBadRequest(
                "/search?q=rates&from=2025-06-02&to=2025-06-01", "'from' must not be after 'to'");

        assertThat(openSearch.searches()).hasSize(searchesBefore);
        assertThat(embedder.texts()).doesNotContain("", tooLong);
    }

    @Test
    void articleIsReturnedWithoutItsEmbedding() throws Exception {
        Answer answer = http.get("/articles/rates-1");

        assertThat(answer.status()).isEqualTo(200);
        JsonObject expected = RATES.copy();
        expected.remove("embedding");
        assertThat(answer.json()).isEqualTo(expected);
    }

    @Test
    void unknownArticleIsAJson404() throws Exception {
        Answer answer = http.get("/articles/nope");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.json())
                .isEqualTo(new JsonObject().put("error", "no article with id 'nope'"));
    }

    @Test
    void unknownPathAndWrongMethodAreJsonErrors() throws Exception {
        Answer unknown = http.get("/nothing-here");
        Answer post =
                http.send(http.request("/search?q=x").POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().getString("error")).isEqualTo("no resource at /nothing-here");
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.json().getString("error")).contains("POST", "/search");
    }

    private static void assertBadRequest(String path, String message) throws Exception {
        Answer answer = http.get(path);
        assertThat(answer.status()).as(path).isEqualTo(400);
        assertThat(answer.contentType()).as(path).startsWith("application/json");
        assertThat(answer.json().getString("error")).as(path).contains(message);
        assertThat(answer.json().fieldNames()).as(path).containsExactly("error");
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-6);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
