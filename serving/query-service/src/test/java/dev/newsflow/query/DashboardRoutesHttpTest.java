package dev.newsflow.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.query.auth.CreateApiKey;
import dev.newsflow.query.auth.Role;
import dev.newsflow.query.testing.FakeBackedService;
import dev.newsflow.query.testing.FakeOpenSearch;
import dev.newsflow.query.testing.HttpProbe;
import dev.newsflow.query.testing.HttpProbe.Answer;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dashboard's routes on an ephemeral port: the page and its assets are public, the JSON routes
 * want an analyst key (401 without, 403 for a reader) and refuse bad parameters (400) before they
 * ask OpenSearch or Kafka. The page in a browser against real services: DashboardBrowserITCase.
 */
class DashboardRoutesHttpTest {

    @TempDir static Path dir;

    private static Vertx vertx;
    private static HttpProbe http;
    private static String readerKey;
    private static String analystKey;

    @BeforeAll
    static void startService() throws Exception {
        Path keys = dir.resolve("keys.json");
        readerKey = CreateApiKey.create(keys, "rita", Role.USER);
        analystKey = CreateApiKey.create(keys, "ana", Role.ANALYST);
        vertx = Vertx.vertx();
        FakeOpenSearch openSearch = FakeOpenSearch.start(vertx, "articles");
        http = FakeBackedService.deploy(vertx, openSearch, keys);
    }

    @AfterAll
    static void stopService() throws Exception {
        vertx.close().await(30, TimeUnit.SECONDS);
    }

    @Test
    void thePageIsPublicHtmlThatLoadsChartJsFromThisService() throws Exception {
        Answer page = http.get("/dashboard");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body())
                .contains("<script src=\"/dashboard/chart.umd.js\"")
                .contains("<script src=\"/dashboard/dashboard.js\"")
                .doesNotContain("https://");
    }

    @ParameterizedTest
    @CsvSource({
        "/dashboard/dashboard.js, javascript, sessionStorage",
        "/dashboard/dashboard.css, text/css, .panel",
        "/dashboard/chart.umd.js, javascript, Chart"
    })
    void assetsComeFromTheClassPathIncludingTheChartJsWebJar(
            String path, String type, String content) throws Exception {
        Answer asset = http.get(path);

        assertThat(asset.status()).isEqualTo(200);
        assertThat(asset.contentType()).contains(type);
        assertThat(asset.body()).contains(content);
    }

    @Test
    void anUnknownAssetIsAJson404() throws Exception {
        Answer missing = http.get("/dashboard/missing.js");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().getString("error")).contains("/dashboard/missing.js");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/stories", "/api/stats/volume", "/api/pipeline"})
    void analystRoutesWantAKeyAndTheAnalystRole(String path) throws Exception {
        Answer none = http.get(path);
        Answer wrong = http.send(http.request(path).header("Authorization", "Bearer nf_x_y"));
        Answer reader =
                http.send(http.request(path).header("Authorization", "Bearer " + readerKey));

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().getString("error")).contains("API key is required");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(reader.status()).isEqualTo(403);
        assertThat(reader.json().getString("error")).contains("ANALYST");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/stories?limit=0|'limit' must be an integer between 1 and 50",
                "/api/stories?window=1y|'window' must be a duration",
                "/api/stats/volume?top=99|'top' must be an integer between 1 and 20",
                "/api/stats/volume?time=now|'time' must be one of",
                "/api/pipeline?verbose=1|unknown query parameter(s) [verbose]"
            })
    void badParametersAre400BeforeAnyBackendIsAsked(String path, String message) throws Exception {
        Answer answer = http.send(http.request(path).header("X-API-Key", analystKey));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().getString("error")).contains(message);
    }
}
