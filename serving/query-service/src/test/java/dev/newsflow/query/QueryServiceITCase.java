package dev.newsflow.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.inference.embedding.MiniLmEmbedder;
import dev.newsflow.query.auth.CreateApiKey;
import dev.newsflow.query.auth.Role;
import dev.newsflow.query.config.QueryServiceConfig;
import dev.newsflow.query.testing.HttpProbe;
import dev.newsflow.query.testing.HttpProbe.Answer;
import dev.newsflow.schemas.search.SearchIndex;
import dev.newsflow.testkit.RealServices;
import dev.newsflow.testkit.kafka.KafkaBroker;
import dev.newsflow.testkit.opensearch.OpenSearchNode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The query service against a real OpenSearch node with the k-NN plugin (shared through {@link
 * RealServices}) and the real MiniLM embedder: articles indexed with their MiniLM embeddings are
 * found by their words and by their meaning, filtered and highlighted; analysts get real counts.
 */
@ExtendWith(RealServices.class)
class QueryServiceITCase {

    /** id, title, text, summary (null: the service falls back to the text). */
    private static final List<List<String>> ARTICLES =
            List.of(
                    List.of(
                            "ecb-rates",
                            "European Central Bank raises interest rates again",
                            "The ECB lifted its deposit rate by a quarter point to fight persistent"
                                    + " inflation, making mortgages and loans more expensive.",
                            "The ECB raised rates by 25 basis points."),
                    List.of(
                            "hurricane",
                            "Hurricane makes landfall, thousands evacuated",
                            "A category four hurricane hit the Florida coast overnight with"
                                    + " torrential rain and storm surge; residents fled inland."),
                    List.of(
                            "football-final",
                            "Real Madrid win the Champions League final",
                            "Real Madrid beat Borussia Dortmund 2-0 at Wembley to lift the"
                                    + " European cup for the fifteenth time.",
                            "Madrid beat Dortmund 2-0."),
                    List.of(
                            "ai-chip",
                            "Chipmaker unveils a new accelerator for AI data centers",
                            "The semiconductor company announced a GPU designed to train large"
                                    + " language models faster while using less power."),
                    List.of(
                            "zorblax",
                            "Zorblax posts record quarterly profit",
                            "The garden tool maker Zorblax said sales of its lawnmowers rose by"
                                    + " a third, and its shares climbed after the announcement."),
                    List.of(
                            "bundestag",
                            "Bundestag beschließt den Haushalt",
                            "Das Parlament in Berlin hat den Haushalt für das kommende Jahr mit"
                                    + " knapper Mehrheit verabschiedet."));

    /** Articles from another source, in German, a year earlier than the others. */
    private static final String OTHER_SOURCE_ARTICLE = "bundestag";

    @TempDir static Path workDir;

    private static OpenSearchNode openSearch;
    private static String analystKey;
    private static String userKey;
    private static MiniLmEmbedder embedder;
    private static Vertx vertx;
    private static QueryServiceHandle service;
    private static HttpProbe http;

    @BeforeAll
    static void startStack(KafkaBroker kafka, OpenSearchNode node) throws Exception {
        openSearch = node;
        Path keys = workDir.resolve("keys.json");
        analystKey = CreateApiKey.create(keys, "ana", Role.ANALYST);
        userKey = CreateApiKey.create(keys, "alice", Role.USER);
        embedder = new MiniLmEmbedder();
        indexArticles();
        vertx = Vertx.vertx();
        QueryServiceConfig config =
                QueryServiceConfig.defaults()
                        .withHttpPort(0)
                        .withOpenSearchUri(openSearch.httpUri())
                        .withKafkaBootstrapServers(kafka.bootstrapServers())
                        .withApiKeysFile(keys);
        service = QueryService.deploy(vertx, config, embedder).await(60, TimeUnit.SECONDS);
        http = new HttpProbe(service.baseUri());
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (service != null) {
            service.close().await(30, TimeUnit.SECONDS);
        }
        if (vertx != null) {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
        if (embedder != null) {
            embedder.close();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "what is the central bank doing about borrowing costs, ecb-rates",
        "tropical storm forces people to leave their homes, hurricane",
        "soccer match result, football-final",
        "new hardware for machine learning, ai-chip"
    })
    void searchFindsTheArticleThatMeansTheSame(String query, String expectedId) throws Exception {
        // When
        Answer answer =
                http.get("/search?k=3&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));

        // Then
        assertThat(answer.status()).isEqualTo(200);
        JsonObject body = answer.json();
        assertThat(body.getString("query")).isEqualTo(query);
        JsonArray results = body.getJsonArray("results");
        assertThat(results).hasSize(3);
        JsonObject best = results.getJsonObject(0);
        assertThat(best.getString("id")).isEqualTo(expectedId);
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
        assertThat(best.getString("summary")).isNotBlank();
        assertThat(best.getString("storyId")).isEqualTo("story-" + expectedId);
        assertThat(best.getDouble("importance")).isEqualTo(0.5);
        assertThat(best.getJsonObject("score").getInteger("knnRank")).isNotNull();
        assertThat(rrf(best)).isGreaterThanOrEqualTo(rrf(results.getJsonObject(1)));
    }

    @Test
    void hybridSearchFindsTheWordOnlyMatchAndTheMeaningOnlyMatch() throws Exception {
        // When: a made-up name only BM25 can match, and a query whose words no article has
        JsonArray byWord = http.get("/search?k=3&q=zorblax").json().getJsonArray("results");
        JsonArray byMeaning =
                http.get("/search?k=3&q=" + encode("soccer match result"))
                        .json()
                        .getJsonArray("results");

        // Then the word match is first, ranked first by BM25, with its words highlighted
        JsonObject word = byWord.getJsonObject(0);
        assertThat(word.getString("id")).isEqualTo("zorblax");
        assertThat(word.getJsonObject("score").getInteger("bm25Rank")).isEqualTo(1);
        assertThat(word.getJsonObject("highlights").getJsonArray("title").getString(0))
                .contains("<em>Zorblax</em>");
        assertThat(word.getJsonObject("highlights").getJsonArray("text").getString(0))
                .contains("<em>Zorblax</em>");
        // And the meaning match is first without any BM25 rank
        JsonObject meaning = byMeaning.getJsonObject(0);
        assertThat(meaning.getString("id")).isEqualTo("football-final");
        assertThat(meaning.getJsonObject("score").getInteger("bm25Rank")).isNull();
        assertThat(meaning.getJsonObject("score").getInteger("knnRank")).isEqualTo(1);
    }

    @Test
    void filtersApplyToBothListsOfTheHybridSearch() throws Exception {
        String q = "&q=" + encode("parliament budget vote");

        assertThat(ids("/search?source=other.example" + q)).containsExactly(OTHER_SOURCE_ARTICLE);
        assertThat(ids("/search?language=de" + q)).containsExactly(OTHER_SOURCE_ARTICLE);
        assertThat(ids("/search?to=2024-12-31" + q)).containsExactly(OTHER_SOURCE_ARTICLE);
        assertThat(ids("/search?from=2025-01-01" + q))
                .hasSize(5)
                .doesNotContain(OTHER_SOURCE_ARTICLE);
        assertThat(ids("/search?source=other.example&from=2025-01-01" + q)).isEmpty();
    }

    @Test
    void analystsGetRealCountsAndUsersAreRefused() throws Exception {
        // When
        Answer asAnalyst =
                http.send(
                        http.request("/api/stats").header("Authorization", "Bearer " + analystKey));
        Answer asUser = http.send(http.request("/api/stats").header("X-API-Key", userKey));

        // Then
        assertThat(asAnalyst.status()).as(asAnalyst.body()).isEqualTo(200);
        JsonObject stats = asAnalyst.json();
        assertThat(stats.getLong("articles")).isEqualTo(count(SearchIndex.ARTICLES.alias()));
        assertThat(stats.getLong("stories")).isEqualTo(count(SearchIndex.STORIES.alias()));
        assertThat(stats.getJsonArray("topSources").getJsonObject(0))
                .isEqualTo(new JsonObject().put("source", "news.example").put("articles", 5));
        assertThat(asUser.status()).isEqualTo(403);
        assertThat(asUser.json().getString("error")).contains("ANALYST");
    }

    private static double rrf(JsonObject result) {
        return result.getJsonObject("score").getDouble("rrf");
    }

    private static List<String> ids(String pathAndQuery) throws Exception {
        Answer answer = http.get(pathAndQuery);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().getJsonArray("results").stream()
                .map(r -> ((JsonObject) r).getString("id"))
                .toList();
    }

    private static long count(String alias) throws Exception {
        Answer answer = new HttpProbe(openSearch.httpUri()).get(alias + "/_count");
        return answer.json().getLong("count");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void articleWithoutSummaryShowsTheStartOfItsText() throws Exception {
        Answer answer = http.get("/search?k=1&q=hurricane");

        JsonObject best = answer.json().getJsonArray("results").getJsonObject(0);
        assertThat(best.getString("id")).isEqualTo("hurricane");
        assertThat(best.getString("summary")).startsWith("A category four hurricane hit");
    }

    @Test
    void articleIsReturnedWithoutItsEmbedding() throws Exception {
        // When
        Answer answer = http.get("/articles/ecb-rates");

        // Then
        assertThat(answer.status()).isEqualTo(200);
        JsonObject article = answer.json();
        assertThat(article.getString("id")).isEqualTo("ecb-rates");
        assertThat(article.getString("title"))
                .isEqualTo("European Central Bank raises interest rates again");
        assertThat(article.getString("embeddingModel")).isEqualTo(MiniLmEmbedder.MODEL_NAME);
        assertThat(article.containsKey("embedding")).isFalse();
    }

    @Test
    void unknownArticleIs404() throws Exception {
        Answer answer = http.get("/articles/no-such-article");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().getString("error")).contains("no-such-article");
    }

    @Test
    void readyWhenOpenSearchAndKafkaAnswer() throws Exception {
        Answer answer = http.get("/ready");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().getString("status")).isEqualTo("READY");
        assertThat(answer.json().getString("kafka")).isEqualTo("UP");
    }

    /**
     * Indexes the fixture articles through the alias, as the enrichment job does, and refreshes.
     */
    private static void indexArticles() throws Exception {
        HttpProbe admin = new HttpProbe(openSearch.httpUri());
        List<String> texts = ARTICLES.stream().map(a -> a.get(1) + ". " + a.get(2)).toList();
        float[][] vectors = embedder.embed(texts);
        for (int i = 0; i < ARTICLES.size(); i++) {
            List<String> a = ARTICLES.get(i);
            JsonObject doc = document(a, vectors[i]);
            String path = "articles/_doc/" + a.get(0) + "?refresh=true";
            Answer answer =
                    admin.send(
                            admin.request(path)
                                    .header("Content-Type", "application/json")
                                    .PUT(HttpRequest.BodyPublishers.ofString(doc.encode())));
            assertThat(answer.status()).as(answer.body()).isIn(200, 201);
        }
    }

    private static JsonObject document(List<String> article, float[] vector) {
        JsonArray embedding = new JsonArray();
        for (float v : vector) {
            embedding.add(v);
        }
        String id = article.get(0);
        boolean other = id.equals(OTHER_SOURCE_ARTICLE);
        return new JsonObject()
                .put("id", id)
                .put("url", "https://news.example/" + id)
                .put("source", other ? "other.example" : "news.example")
                .put("title", article.get(1))
                .put("text", article.get(2))
                .put("summary", article.size() > 3 ? article.get(3) : null)
                .put("language", other ? "de" : "en")
                .put("embedding", embedding)
                .put("embeddingModel", MiniLmEmbedder.MODEL_NAME)
                .put("storyId", "story-" + id)
                .put("importance", 0.5)
                .put("publishedAt", other ? "2024-06-01T10:00:00Z" : "2025-06-01T10:00:00Z")
                .put("fetchedAt", "2025-06-01T10:01:00Z")
                .put("enrichedAt", "2025-06-01T10:02:00Z");
    }
}
