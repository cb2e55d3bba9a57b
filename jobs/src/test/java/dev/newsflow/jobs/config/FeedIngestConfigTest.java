package dev.newsflow.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedIngestConfigTest {

    @Test
    void defaultsServeTheLocalStackWithTheDocumentedPollingBounds() {
        FeedIngestConfig config = FeedIngestConfig.fromEnv(Map.of());

        assertThat(config.kafkaBootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(config.feedsFile()).isNull();
        assertThat(config.schedule().min()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.schedule().max()).isEqualTo(Duration.ofHours(24));
        assertThat(config.maxSeenIds()).isEqualTo(2_000);
        assertThat(config.hostDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.allowLoopback()).isFalse();
        assertThat(config.sourceSettings().pollConcurrency()).isEqualTo(8);
        assertThat(config.pageSettings().maxAttempts()).isEqualTo(3);
    }

    @Test
    void environmentVariablesOverrideEachSetting() {
        FeedIngestConfig config =
                FeedIngestConfig.fromEnv(
                        Map.ofEntries(
                                Map.entry(FeedIngestConfig.KAFKA_BOOTSTRAP, "kafka:9093"),
                                Map.entry(FeedIngestConfig.FEEDS_FILE, " /etc/newsflow/feeds.txt "),
                                Map.entry(FeedIngestConfig.MIN_INTERVAL_MS, "60000"),
                                Map.entry(FeedIngestConfig.MAX_INTERVAL_MS, "3600000"),
                                Map.entry(FeedIngestConfig.MAX_SEEN_IDS, "500"),
                                Map.entry(FeedIngestConfig.POLL_CONCURRENCY, "3"),
                                Map.entry(FeedIngestConfig.HOST_DELAY_MS, "250"),
                                Map.entry(FeedIngestConfig.PAGE_CONCURRENCY, "7"),
                                Map.entry(FeedIngestConfig.PAGE_TIMEOUT_MS, "9000"),
                                Map.entry(FeedIngestConfig.PAGE_ATTEMPTS, "5"),
                                Map.entry(FeedIngestConfig.CONTROL_POLL_MS, "2500"),
                                Map.entry(FeedIngestConfig.CHECKPOINT_INTERVAL_MS, "1000"),
                                Map.entry(FeedIngestConfig.TRANSACTIONAL_ID_PREFIX, "ingest-eu"),
                                Map.entry(FeedIngestConfig.ALLOW_LOOPBACK, "true")));

        assertThat(config.kafkaBootstrapServers()).isEqualTo("kafka:9093");
        assertThat(config.feedsFile()).isEqualTo("/etc/newsflow/feeds.txt");
        assertThat(config.schedule().min()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.schedule().max()).isEqualTo(Duration.ofHours(1));
        assertThat(config.sourceSettings().maxSeenIds()).isEqualTo(500);
        assertThat(config.sourceSettings().pollConcurrency()).isEqualTo(3);
        assertThat(config.sourceSettings().hostDelay()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.sourceSettings().controlPollInterval())
                .isEqualTo(Duration.ofMillis(2500));
        assertThat(config.pageSettings().concurrency()).isEqualTo(7);
        assertThat(config.pageSettings().maxAttempts()).isEqualTo(5);
        assertThat(config.pageTimeout()).isEqualTo(Duration.ofSeconds(9));
        assertThat(config.checkpointInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.transactionalIdPrefix()).isEqualTo("ingest-eu");
        assertThat(config.allowLoopback()).isTrue();
    }

    @Test
    void nonsenseIsRefusedWithTheVariableName() {
        assertThatThrownBy(
                        () ->
                                FeedIngestConfig.fromEnv(
                                        Map.of(FeedIngestConfig.POLL_CONCURRENCY, "many")))
                .hasMessageContaining(FeedIngestConfig.POLL_CONCURRENCY);
        assertThatThrownBy(
                        () ->
                                FeedIngestConfig.fromEnv(
                                        Map.of(FeedIngestConfig.POLL_CONCURRENCY, "0")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () ->
                                FeedIngestConfig.fromEnv(
                                        Map.of(
                                                FeedIngestConfig.MIN_INTERVAL_MS,
                                                "7200000",
                                                FeedIngestConfig.MAX_INTERVAL_MS,
                                                "3600000")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
