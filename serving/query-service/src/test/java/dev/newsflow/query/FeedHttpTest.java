package dev.newsflow.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.query.auth.CreateApiKey;
import dev.newsflow.query.auth.Role;
import dev.newsflow.query.testing.FakeBackedService;
import dev.newsflow.query.testing.FakeOpenSearch;
import dev.newsflow.query.testing.HttpProbe;
import dev.newsflow.query.testing.HttpProbe.Answer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET /feed} on an ephemeral port in front of the fake OpenSearch, which has no personas (so
 * every feed is a cold start) and no stories; the personal feed on the real thing is {@code
 * FeedITCase}.
 */
class FeedHttpTest {

    @TempDir static Path dir;

    private static Vertx vertx;
    private static FakeOpenSearch openSearch;
    private static HttpProbe http;
    private static String userKey;
    private static String analystKey;

    @BeforeAll
    static void startService() throws Exception {
        Path keys = dir.resolve("keys.json");
        userKey = CreateApiKey.create(keys, "alice", Role.USER);
        analystKey = CreateApiKey.create(keys, "ana", Role.ANALYST);
        vertx = Vertx.vertx();
        openSearch = FakeOpenSearch.start(vertx, "articles");
        // Seven articles: two share a story, four come from one source, importance descending
        String published = Instant.now().minusSeconds(600).toString();
        String[][] rows = {
            {"a", "big.example", "story-1"},
            {"b", "big.example", "story-1"},
            {"c", "big.example", "story-2"},
            {"d", "big.example", "story-3"},
            {"e", "big.example", "story-4"},
            {"f", "other.example", "story-5"},
            {"g", "third.example", "story-6"}
        };
        for (int i = 0; i < rows.length; i++) {
            // Orthogonal embeddings: MMR has nothing to reorder, the caps decide
            JsonArray embedding = new JsonArray();
            for (int d = 0; d < rows.length; d++) {
                embedding.add(d == i ? 1.0 : 0.0);
            }
            openSearch.add(
                    new JsonObject()
                            .put("id", rows[i][0])
                            .put("title", "Title " + rows[i][0])
                            .put("summary", "Summary " + rows[i][0])
                            .put("source", rows[i][1])
                            .put("storyId", rows[i][2])
                            .put("url", "https://" + rows[i][1] + "/" + rows[i][0])
                            .put("importance", 0.9 - i * 0.1)
                            .put("publishedAt", published)
                            .put("embedding", embedding));
        }
        http = FakeBackedService.deploy(vertx, openSearch, keys);
    }

    @AfterAll
    static void stopService() throws Exception {
        vertx.close().await(30, TimeUnit.SECONDS);
    }

    @Test
    void withoutAKeyIs401() throws Exception {
        Answer answer = http.get("/feed");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().getString("error")).contains("API key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=51", "limit=many", "cursor=garbage", "q=news"})
    void invalidParametersAre400(String query) throws Exception {
        Answer answer = feed(userKey, "?" + query);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.json().getString("error")).isNotBlank();
    }

    @Test
    void someoneElsesFeedIs403AndOnesOwnIsServed() throws Exception {
        Answer other = feed(analystKey, "?userId=alice");
        Answer own = feed(userKey, "?userId=alice&limit=1");

        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().getString("error")).contains("own feed");
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().getString("userId")).isEqualTo("alice");
    }

    @Test
    void aUserWithoutPersonaGetsTopStoriesOnePerStoryCappedPerSourceAndPagesWithoutRepeats()
            throws Exception {
        // When: a page of three, then the next page
        Answer first = feed(userKey, "?limit=3");
        JsonObject page1 = first.json();
        Answer second = feed(userKey, "?limit=3&cursor=" + encode(page1.getString("nextCursor")));
        JsonObject page2 = second.json();

        // Then: the cold-start page is by importance, "b" (same story as "a") never appears, and
        // big.example stops at three per page
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(page1.getString("mode")).isEqualTo("coldStart");
        assertThat(page1.getValue("personaVersion")).isNull();
        assertThat(ids(page1)).containsExactly("a", "c", "d");
        JsonObject item = page1.getJsonArray("items").getJsonObject(0);
        assertThat(item.fieldNames())
                .contains("id", "title", "summary", "source", "storyId", "publishedAt", "url")
                .contains("importance", "score", "why");
        assertThat(item.getString("why")).isEqualTo("top story");
        assertThat(item.getJsonObject("score").fieldNames())
                .containsExactlyInAnyOrder("total", "similarity", "importance", "recency", "mmr");
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(ids(page2)).containsExactly("e", "f", "g");
        List<String> both = new ArrayList<>(ids(page1));
        both.addAll(ids(page2));
        assertThat(both).doesNotHaveDuplicates().doesNotContain("b");
        // And: the third page is empty and ends the feed
        JsonObject page3 =
                feed(userKey, "?limit=3&cursor=" + encode(page2.getString("nextCursor"))).json();
        assertThat(ids(page3)).isEmpty();
        assertThat(page3.getValue("nextCursor")).isNull();
    }

    private static Answer feed(String key, String query) throws Exception {
        return http.send(http.request("/feed" + query).header("X-API-Key", key));
    }

    private static List<String> ids(JsonObject page) {
        return page.getJsonArray("items").stream()
                .map(i -> ((JsonObject) i).getString("id"))
                .toList();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
