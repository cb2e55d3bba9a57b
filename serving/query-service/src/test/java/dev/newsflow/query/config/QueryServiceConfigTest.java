package dev.newsflow.query.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryServiceConfigTest {

    @Test
    void emptyEnvironmentGivesLocalStackDefaults() {
        // Given no environment overrides
        Map<String, String> env = Map.of();

        // When
        QueryServiceConfig config = QueryServiceConfig.fromEnv(env);

        // Then
        assertThat(config).isEqualTo(QueryServiceConfig.defaults());
        assertThat(config.httpHost()).isEqualTo("127.0.0.1");
        assertThat(config.openSearchUri()).isEqualTo(URI.create("http://127.0.0.1:9200"));
        assertThat(config.indexAlias()).isEqualTo("articles");
        assertThat(config.defaultK()).isEqualTo(10);
    }

    @Test
    void environmentOverridesEveryKey() {
        // Given
        Map<String, String> env =
                Map.ofEntries(
                        Map.entry(QueryServiceConfig.ENV_HTTP_HOST, "0.0.0.0"),
                        Map.entry(QueryServiceConfig.ENV_HTTP_PORT, "0"),
                        Map.entry(
                                QueryServiceConfig.ENV_OPENSEARCH_URL,
                                "https://search.internal:9243"),
                        Map.entry(QueryServiceConfig.ENV_ARTICLES_ALIAS, "articles-test"),
                        Map.entry(QueryServiceConfig.ENV_SEARCH_DEFAULT_K, " 25 "),
                        Map.entry(QueryServiceConfig.ENV_OPENSEARCH_TIMEOUT_MS, "1500"),
                        Map.entry(QueryServiceConfig.ENV_EMBEDDER_THREADS, "4"),
                        Map.entry(QueryServiceConfig.ENV_KAFKA_BOOTSTRAP, "kafka:9092"),
                        Map.entry(QueryServiceConfig.ENV_API_KEYS_FILE, "/etc/newsflow/keys.json"),
                        Map.entry(QueryServiceConfig.ENV_RATE_LIMIT_BURST, "5"),
                        Map.entry(QueryServiceConfig.ENV_RATE_LIMIT_PER_SECOND, "0.5"),
                        Map.entry(QueryServiceConfig.ENV_READY_TIMEOUT_MS, "750"));

        // When
        QueryServiceConfig config = QueryServiceConfig.fromEnv(env);

        // Then
        assertThat(config)
                .isEqualTo(
                        new QueryServiceConfig(
                                "0.0.0.0",
                                0,
                                URI.create("https://search.internal:9243"),
                                "articles-test",
                                25,
                                Duration.ofMillis(1500),
                                4,
                                "kafka:9092",
                                Path.of("/etc/newsflow/keys.json"),
                                new QueryServiceConfig.RateLimit(5, 0.5),
                                Duration.ofMillis(750),
                                FeedConfig.defaults()));
    }

    @Test
    void feedKeysOverrideTheFeedDefaults() {
        // Given
        Map<String, String> env =
                Map.ofEntries(
                        Map.entry(FeedConfig.ENV_RECENCY_WINDOW_MS, "3600000"),
                        Map.entry(FeedConfig.ENV_HALF_LIFE_MS, "600000"),
                        Map.entry(FeedConfig.ENV_SIMILARITY_WEIGHT, "0.5"),
                        Map.entry(FeedConfig.ENV_IMPORTANCE_WEIGHT, "0.3"),
                        Map.entry(FeedConfig.ENV_RECENCY_WEIGHT, "0.2"),
                        Map.entry(FeedConfig.ENV_CANDIDATES_PER_CENTROID, "20"),
                        Map.entry(FeedConfig.ENV_PER_SOURCE_CAP, "2"),
                        Map.entry(FeedConfig.ENV_MMR_LAMBDA, "0.5"),
                        Map.entry(FeedConfig.ENV_NEGATIVE_SIMILARITY, "0.4"));

        // When
        FeedConfig feed = QueryServiceConfig.fromEnv(env).feed();

        // Then
        assertThat(feed)
                .isEqualTo(
                        new FeedConfig(
                                Duration.ofHours(1),
                                Duration.ofMinutes(10),
                                0.5,
                                0.3,
                                0.2,
                                20,
                                2,
                                0.5,
                                0.4));
        assertThat(QueryServiceConfig.defaults().feed()).isEqualTo(FeedConfig.defaults());
    }

    @Test
    void invalidFeedValuesNameTheirKey() {
        assertThatThrownBy(() -> FeedConfig.fromEnv(Map.of(FeedConfig.ENV_MMR_LAMBDA, "1.5")))
                .hasMessageContaining(FeedConfig.ENV_MMR_LAMBDA);
        assertThatThrownBy(() -> FeedConfig.fromEnv(Map.of(FeedConfig.ENV_PER_SOURCE_CAP, "0")))
                .hasMessageContaining(FeedConfig.ENV_PER_SOURCE_CAP);
        assertThatThrownBy(
                        () ->
                                FeedConfig.fromEnv(
                                        Map.of(FeedConfig.ENV_CANDIDATES_PER_CENTROID, "501")))
                .hasMessageContaining(FeedConfig.ENV_CANDIDATES_PER_CENTROID);
        assertThatThrownBy(() -> FeedConfig.fromEnv(Map.of(FeedConfig.ENV_HALF_LIFE_MS, "0")))
                .hasMessageContaining(FeedConfig.ENV_HALF_LIFE_MS);
        assertThatThrownBy(() -> FeedConfig.fromEnv(Map.of(FeedConfig.ENV_RECENCY_WEIGHT, "much")))
                .hasMessageContaining(FeedConfig.ENV_RECENCY_WEIGHT)
                .hasMessageContaining("much");
        assertThatThrownBy(
                        () ->
                                FeedConfig.fromEnv(
                                        Map.of(
                                                FeedConfig.ENV_SIMILARITY_WEIGHT, "0",
                                                FeedConfig.ENV_IMPORTANCE_WEIGHT, "0",
                                                FeedConfig.ENV_RECENCY_WEIGHT, "0")))
                .hasMessageContaining("weights");
    }

    @Test
    void blankValuesFallBackToDefaults() {
        // Given
        Map<String, String> env = Map.of(QueryServiceConfig.ENV_HTTP_PORT, "  ");

        // When
        QueryServiceConfig config = QueryServiceConfig.fromEnv(env);

        // Then
        assertThat(config.httpPort()).isEqualTo(QueryServiceConfig.DEFAULT_HTTP_PORT);
    }

    @Test
    void malformedNumberNamesTheEnvironmentKey() {
        // Given
        Map<String, String> env = Map.of(QueryServiceConfig.ENV_HTTP_PORT, "eighty");

        // When / Then
        assertThatThrownBy(() -> QueryServiceConfig.fromEnv(env))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NEWSFLOW_HTTP_PORT")
                .hasMessageContaining("eighty");
    }

    @Test
    void rejectsOutOfRangeValues() {
        QueryServiceConfig d = QueryServiceConfig.defaults();

        assertThatThrownBy(() -> d.withHttpPort(70_000)).hasMessageContaining("httpPort");
        assertThatThrownBy(() -> d.withOpenSearchUri(URI.create("ftp://host/")))
                .hasMessageContaining("openSearchUri");
        assertThatThrownBy(() -> d.withOpenSearchUri(URI.create("localhost:9200")))
                .hasMessageContaining("openSearchUri");
        assertThatThrownBy(() -> d.withOpenSearchTimeout(Duration.ZERO))
                .hasMessageContaining("openSearchTimeout");
        assertThatThrownBy(
                        () ->
                                QueryServiceConfig.fromEnv(
                                        Map.of(QueryServiceConfig.ENV_SEARCH_DEFAULT_K, "101")))
                .hasMessageContaining("defaultK");
    }

    @Test
    void withersChangeOnlyTheirField() {
        // Given
        QueryServiceConfig d = QueryServiceConfig.defaults();

        // When
        QueryServiceConfig changed =
                d.withHttpPort(0).withOpenSearchUri(URI.create("http://10.0.0.1:9201"));

        // Then
        assertThat(changed.httpPort()).isZero();
        assertThat(changed.openSearchUri()).isEqualTo(URI.create("http://10.0.0.1:9201"));
        assertThat(changed.indexAlias()).isEqualTo(d.indexAlias());
        assertThat(changed.defaultK()).isEqualTo(d.defaultK());
        assertThat(d.httpPort()).isEqualTo(QueryServiceConfig.DEFAULT_HTTP_PORT);
    }
}
