package dev.newsflow.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.query.auth.CreateApiKey;
import dev.newsflow.query.auth.Role;
import dev.newsflow.query.config.QueryServiceConfig;
import dev.newsflow.query.config.QueryServiceConfig.RateLimit;
import dev.newsflow.query.testing.DashboardFixtures;
import dev.newsflow.query.testing.FakeTextEmbedder;
import dev.newsflow.query.testing.HeadlessChromium;
import dev.newsflow.query.testing.HttpProbe;
import dev.newsflow.query.testing.HttpProbe.Answer;
import dev.newsflow.testkit.RealServices;
import dev.newsflow.testkit.kafka.KafkaBroker;
import dev.newsflow.testkit.opensearch.OpenSearchNode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The analyst dashboard in a real headless Chromium against the query service on real OpenSearch
 * and Kafka: a reader's key is refused on the page (403), an analyst's key shows the stories of the
 * index, draws the volume charts and the pipeline panel, without a console error. Leaves a
 * screenshot at {@code target/dashboard.png} (the one in docs/images comes from here). The page
 * never searches, so the fake embedder stands in for MiniLM.
 */
@ExtendWith(RealServices.class)
class DashboardBrowserITCase {

    /** A bound on each wait for the page, not a timing assertion. */
    private static final Duration PAGE_WAIT = Duration.ofSeconds(60);

    @TempDir static Path workDir;

    private static Vertx vertx;
    private static QueryServiceHandle service;
    private static HeadlessChromium chromium;
    private static HttpProbe http;
    private static String analystKey;
    private static String readerKey;

    @BeforeAll
    static void start(KafkaBroker kafka, OpenSearchNode openSearch) throws Exception {
        Instant now = Instant.now();
        DashboardFixtures.indexArticles(openSearch.httpUri(), now);
        DashboardFixtures.indexStories(openSearch.httpUri(), now);
        DashboardFixtures.pipelineActivity(kafka.bootstrapServers(), now);
        Path keys = workDir.resolve("keys.json");
        analystKey = CreateApiKey.create(keys, "ana", Role.ANALYST);
        readerKey = CreateApiKey.create(keys, "rita", Role.USER);
        vertx = Vertx.vertx();
        QueryServiceConfig config =
                QueryServiceConfig.defaults()
                        .withHttpPort(0)
                        .withOpenSearchUri(openSearch.httpUri())
                        .withKafkaBootstrapServers(kafka.bootstrapServers())
                        .withApiKeysFile(keys)
                        .withRateLimit(new RateLimit(1_000, 1_000));
        service =
                QueryService.deploy(vertx, config, new FakeTextEmbedder())
                        .await(60, TimeUnit.SECONDS);
        http = new HttpProbe(service.baseUri());
        chromium = HeadlessChromium.start(1400, 1500);
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (vertx != null) {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void analystSeesStoriesChartsAndPipelineHealthAndAReaderIsRefused() throws Exception {
        ChromeDriver browser = chromium.driver();

        // Given the page, which asks for a key
        browser.get(service.baseUri().resolve("/dashboard").toString());
        awaitState("needs-key");

        // When a reader's key is entered, the page says why it is refused
        enterKey(readerKey);
        awaitState("error");
        assertThat(browser.findElement(By.id("error")).getText()).contains("403");
        assertThat(browser.findElement(By.id("key-form")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("panels")).isDisplayed()).isFalse();
        chromium.console(); // the refused requests logged their 403s; start afresh

        // When the analyst's key is entered
        enterKey(analystKey);
        String state = awaitState("loaded", "error");
        assertThat(state).as(browser.findElement(By.id("error")).getText()).isEqualTo("loaded");
        assertThat(browser.findElement(By.id("key-form")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("error")).isDisplayed()).isFalse();

        // Then the top stories are those of the index, by importance, with summaries and counts
        JsonObject api = json("/api/stories?limit=10&window=24h");
        List<String> expectedTop = ids(api.getJsonArray("top"));
        assertThat(expectedTop).isEqualTo(DashboardFixtures.STORIES_BY_IMPORTANCE);
        List<WebElement> top = browser.findElements(By.cssSelector("#top-stories li"));
        assertThat(top.stream().map(li -> li.getAttribute("data-story-id")).toList())
                .isEqualTo(expectedTop);
        WebElement first = top.get(0);
        JsonObject firstStory = api.getJsonArray("top").getJsonObject(0);
        assertThat(first.findElement(By.cssSelector(".headline")).getText())
                .isEqualTo(firstStory.getString("headline"));
        assertThat(first.findElement(By.cssSelector(".summary")).getText())
                .isEqualTo(firstStory.getString("summary"));
        assertThat(first.findElement(By.cssSelector(".meta")).getText())
                .contains(firstStory.getInteger("sourceCount") + " sources")
                .contains(firstStory.getInteger("articleCount") + " articles");

        // And the trending list leads with the fastest-growing recent story
        List<String> trending =
                browser.findElements(By.cssSelector("#trending-stories li")).stream()
                        .map(li -> li.getAttribute("data-story-id"))
                        .toList();
        assertThat(trending)
                .isEqualTo(ids(api.getJsonObject("trending").getJsonArray("stories")))
                .startsWith(DashboardFixtures.FASTEST_GROWING)
                .doesNotContain(DashboardFixtures.OLD_STORY);

        // And both charts are drawn with the counts of the index
        @SuppressWarnings("unchecked")
        Map<String, Object> charts =
                (Map<String, Object>)
                        browser.executeScript(
                                "const out = {};"
                                        + " for (const [id, c] of Object.entries(window.newsflowCharts))"
                                        + " { const canvas = c.canvas; const px ="
                                        + " canvas.getContext('2d').getImageData(0, 0, canvas.width,"
                                        + " canvas.height).data; let painted = 0; for (let i = 3; i <"
                                        + " px.length; i += 4) if (px[i] > 0) painted++; out[id] = {"
                                        + " labels: c.data.datasets.map(d => d.label), points:"
                                        + " c.data.datasets.reduce((n, d) => n + d.data.reduce((a, b)"
                                        + " => a + b, 0), 0), painted }; } return out;");
        assertThat(charts).containsOnlyKeys("chart-sources", "chart-topics");
        Map<?, ?> sources = (Map<?, ?>) charts.get("chart-sources");
        assertThat((List<Object>) sources.get("labels"))
                .containsExactlyInAnyOrderElementsOf(DashboardFixtures.SOURCES);
        assertThat(((Number) sources.get("points")).longValue())
                .isEqualTo(DashboardFixtures.ARTICLES_IN_WINDOW);
        assertThat(((Number) sources.get("painted")).longValue()).isPositive();
        Map<?, ?> topics = (Map<?, ?>) charts.get("chart-topics");
        assertThat((List<Object>) topics.get("labels")).contains(DashboardFixtures.TOP_TOPIC);
        assertThat(((Number) topics.get("painted")).longValue()).isPositive();

        // And the pipeline panel shows the enrichment job's lag, dead letters and a failing feed
        String pipeline = browser.findElement(By.id("pipeline")).getText();
        assertThat(pipeline)
                .contains("newsflow-enrichment")
                .contains(DashboardFixtures.FAILING_FEED)
                .contains("connection refused");
        JsonObject health = json("/api/pipeline");
        JsonObject enrichment = health.getJsonArray("consumerLag").getJsonObject(0);
        assertThat(enrichment.getLong("lag")).isEqualTo(DashboardFixtures.ENRICHMENT_LAG);
        assertThat(health.getJsonObject("deadLetters").getLong("lastHour")).isPositive();

        // And nothing went wrong in the browser
        Files.write(Path.of("target", "dashboard.png"), browser.getScreenshotAs(OutputType.BYTES));
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    private static void enterKey(String key) {
        ChromeDriver browser = chromium.driver();
        WebElement input = browser.findElement(By.id("api-key"));
        input.clear();
        input.sendKeys(key);
        browser.findElement(By.cssSelector("#key-form button[type=submit]")).click();
    }

    /**
     * Waits until the page reports one of {@code states} (its body's {@code data-state}) and
     * returns it; fails with the state it is stuck in after {@link #PAGE_WAIT}.
     */
    private static String awaitState(String... states) throws InterruptedException {
        List<String> wanted = List.of(states);
        long deadline = System.nanoTime() + PAGE_WAIT.toNanos();
        String state = null;
        while (System.nanoTime() < deadline) {
            state = chromium.driver().findElement(By.tagName("body")).getAttribute("data-state");
            if (wanted.contains(state)) {
                return state;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the page stayed in state " + state + ", expected " + wanted);
    }

    private static JsonObject json(String path) throws Exception {
        Answer answer =
                http.send(http.request(path).header("Authorization", "Bearer " + analystKey));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> ids(JsonArray stories) {
        return stories.stream().map(s -> ((JsonObject) s).getString("storyId")).toList();
    }
}
