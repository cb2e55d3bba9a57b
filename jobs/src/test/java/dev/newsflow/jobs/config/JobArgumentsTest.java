package dev.newsflow.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobArgumentsTest {

    @Test
    void argumentsOverrideTheEnvironmentAndKeepTheRest() {
        Map<String, String> env =
                Map.of(
                        EnrichmentConfig.KAFKA_BOOTSTRAP, "kafka:9092",
                        EnrichmentConfig.OPENSEARCH_URL, "http://opensearch:9200");

        EnrichmentConfig config =
                EnrichmentConfig.fromEnv(
                        JobArguments.overlay(
                                env,
                                "NEWSFLOW_KAFKA_BOOTSTRAP=127.0.0.1:19092",
                                "--NEWSFLOW_CHECKPOINT_INTERVAL_MS=1000",
                                "NEWSFLOW_ENRICHMENT_TXN_PREFIX=a=b"));

        assertThat(config.kafkaBootstrapServers()).isEqualTo("127.0.0.1:19092");
        assertThat(config.openSearchUri()).isEqualTo(URI.create("http://opensearch:9200"));
        assertThat(config.checkpointInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.transactionalIdPrefix()).as("split at the first '='").isEqualTo("a=b");
    }

    @Test
    void noArgumentsLeaveTheEnvironmentAsItIs() {
        Map<String, String> env = Map.of("NEWSFLOW_ENRICHMENT_GROUP", "g", "PATH", "/bin");

        assertThat(JobArguments.overlay(env)).isEqualTo(env);
    }

    @Test
    void anythingButNewsflowPairsIsRefused() {
        for (String bad :
                new String[] {"--kafka=x", "NEWSFLOW_KAFKA_BOOTSTRAP", "NEWSFLOW_=x", "PATH=/"}) {
            assertThatThrownBy(() -> JobArguments.overlay(Map.of(), bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(bad);
        }
    }
}
