package dev.newsflow.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.jobs.functions.persona.PersonaRules;
import dev.newsflow.schemas.InteractionType;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonaConfigTest {

    @Test
    void defaultsServeTheLocalStackWithTheDocumentedRules() {
        PersonaConfig config = PersonaConfig.fromEnv(Map.of());

        assertThat(config.kafkaBootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(config.openSearchUri()).isEqualTo(URI.create("http://127.0.0.1:9200"));
        assertThat(config.consumerGroup()).isEqualTo("newsflow-persona");
        assertThat(config.transactionalIdPrefix()).isEqualTo("newsflow-persona");
        assertThat(config.userTtl()).isEqualTo(Duration.ofDays(180));
        assertThat(config.articleTtl()).isEqualTo(Duration.ofDays(7));
        assertThat(config.maxWait()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.maxWaiting()).isEqualTo(1_000);
        assertThat(config.bufferTimeout()).isEqualTo(Duration.ofMillis(5));
        assertThat(config.rules()).isEqualTo(PersonaRules.defaults());
        assertThat(config.rules().weightOf(InteractionType.CLICK))
                .isLessThan(config.rules().weightOf(InteractionType.LIKE));
        assertThat(config.rules().weightOf(InteractionType.HIDE))
                .isLessThan(config.rules().weightOf(InteractionType.DISLIKE));
    }

    @Test
    void environmentVariablesOverrideEachSetting() {
        PersonaConfig config =
                PersonaConfig.fromEnv(
                        Map.ofEntries(
                                Map.entry(PersonaConfig.KAFKA_BOOTSTRAP, "kafka:9093"),
                                Map.entry(PersonaConfig.OPENSEARCH_URL, "http://os:9200"),
                                Map.entry(PersonaConfig.CONSUMER_GROUP, "g"),
                                Map.entry(PersonaConfig.CHECKPOINT_INTERVAL_MS, "1000"),
                                Map.entry(PersonaConfig.TRANSACTIONAL_ID_PREFIX, "p"),
                                Map.entry(PersonaConfig.USER_TTL_MS, "86400000"),
                                Map.entry(PersonaConfig.ARTICLE_TTL_MS, "3600000"),
                                Map.entry(PersonaConfig.MAX_WAITING, "10"),
                                Map.entry(PersonaConfig.MAX_WAIT_MS, "30000"),
                                Map.entry(PersonaConfig.INDEX_FLUSH_MS, "50"),
                                Map.entry(PersonaConfig.INDEX_FLUSH_ACTIONS, "100"),
                                Map.entry(PersonaConfig.BUFFER_TIMEOUT_MS, "0"),
                                Map.entry(PersonaConfig.HALF_LIFE_MS, "604800000"),
                                Map.entry(PersonaConfig.LIKE_WEIGHT, "2"),
                                Map.entry(PersonaConfig.CLICK_WEIGHT, "0.5"),
                                Map.entry(PersonaConfig.DISLIKE_WEIGHT, "1.5"),
                                Map.entry(PersonaConfig.HIDE_WEIGHT, "0.25"),
                                Map.entry(PersonaConfig.NEGATIVE_SHARE, "0.8"),
                                Map.entry(PersonaConfig.MAX_INTERESTS, "3"),
                                Map.entry(PersonaConfig.INTEREST_SIMILARITY, "0.5"),
                                Map.entry(PersonaConfig.MERGE_SIMILARITY, "0.4"),
                                Map.entry(PersonaConfig.MAX_LIKED, "10"),
                                Map.entry(PersonaConfig.MAX_REJECTED, "20"),
                                Map.entry(PersonaConfig.MAX_SEEN, "30"),
                                Map.entry(PersonaConfig.RECENT_EVENTS, "64")));

        assertThat(config.kafkaBootstrapServers()).isEqualTo("kafka:9093");
        assertThat(config.openSearchUri()).isEqualTo(URI.create("http://os:9200"));
        assertThat(config.consumerGroup()).isEqualTo("g");
        assertThat(config.checkpointInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.transactionalIdPrefix()).isEqualTo("p");
        assertThat(config.userTtl()).isEqualTo(Duration.ofDays(1));
        assertThat(config.articleTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(config.maxWaiting()).isEqualTo(10);
        assertThat(config.maxWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.indexFlushInterval()).isEqualTo(Duration.ofMillis(50));
        assertThat(config.indexFlushMaxActions()).isEqualTo(100);
        assertThat(config.bufferTimeout()).isZero();
        assertThat(config.rules())
                .isEqualTo(
                        new PersonaRules(
                                Duration.ofDays(7),
                                2,
                                0.5,
                                1.5,
                                0.25,
                                0.8,
                                3,
                                0.5,
                                0.4,
                                10,
                                20,
                                30,
                                64));
    }

    @Test
    void invalidValuesAreRejectedWithTheVariableName() {
        assertThatThrownBy(() -> PersonaConfig.fromEnv(Map.of(PersonaConfig.LIKE_WEIGHT, "lots")))
                .hasMessageContaining(PersonaConfig.LIKE_WEIGHT);
        assertThatThrownBy(() -> PersonaConfig.fromEnv(Map.of(PersonaConfig.MAX_WAIT_MS, "0")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PersonaConfig.fromEnv(Map.of(PersonaConfig.MAX_WAITING, "0")))
                .hasMessageContaining(PersonaConfig.MAX_WAITING);
        assertThatThrownBy(() -> PersonaConfig.fromEnv(Map.of(PersonaConfig.NEGATIVE_SHARE, "1.5")))
                .hasMessageContaining("negative share");
        assertThatThrownBy(
                        () -> PersonaConfig.fromEnv(Map.of(PersonaConfig.MERGE_SIMILARITY, "0.9")))
                .hasMessageContaining("merge similarity");
        assertThatThrownBy(() -> PersonaConfig.fromEnv(Map.of(PersonaConfig.HALF_LIFE_MS, "0")))
                .hasMessageContaining("half-life");
    }
}
