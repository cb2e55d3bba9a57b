package dev.newsflow.jobs.config;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Typed, immutable configuration of the enrichment job. Every value has a default that serves the
 * local embedded stack and an environment variable that overrides it.
 */
public record EnrichmentConfig(
        String kafkaBootstrapServers,
        URI openSearchUri,
        String consumerGroup,
        Duration checkpointInterval,
        int maxHtmlChars,
        String transactionalIdPrefix,
        InferenceConfig inference,
        DedupConfig dedup,
        StoryConfig stories)
        implements Serializable {

    public static final String KAFKA_BOOTSTRAP = "NEWSFLOW_KAFKA_BOOTSTRAP";
    public static final String OPENSEARCH_URL = "NEWSFLOW_OPENSEARCH_URL";
    public static final String CONSUMER_GROUP = "NEWSFLOW_ENRICHMENT_GROUP";
    public static final String CHECKPOINT_INTERVAL_MS = "NEWSFLOW_CHECKPOINT_INTERVAL_MS";
    public static final String MAX_HTML_CHARS = "NEWSFLOW_MAX_HTML_CHARS";
    public static final String TRANSACTIONAL_ID_PREFIX = "NEWSFLOW_ENRICHMENT_TXN_PREFIX";

    /** Pages above this size are dead-lettered: real articles are far smaller. */
    public static final int DEFAULT_MAX_HTML_CHARS = 5_000_000;

    public EnrichmentConfig {
        if (maxHtmlChars <= 0) {
            throw new IllegalArgumentException(
                    MAX_HTML_CHARS + " must be positive: " + maxHtmlChars);
        }
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException(
                    CHECKPOINT_INTERVAL_MS + " must be positive: " + checkpointInterval);
        }
    }

    /** Reads the configuration from environment variables, falling back to local defaults. */
    public static EnrichmentConfig fromEnv(Map<String, String> env) {
        return new EnrichmentConfig(
                env.getOrDefault(KAFKA_BOOTSTRAP, "127.0.0.1:9092"),
                URI.create(env.getOrDefault(OPENSEARCH_URL, "http://127.0.0.1:9200")),
                env.getOrDefault(CONSUMER_GROUP, "newsflow-enrichment"),
                EnvValues.millis(env, CHECKPOINT_INTERVAL_MS, Duration.ofSeconds(5)),
                (int) EnvValues.number(env, MAX_HTML_CHARS, DEFAULT_MAX_HTML_CHARS),
                env.getOrDefault(TRANSACTIONAL_ID_PREFIX, "newsflow-enrichment"),
                InferenceConfig.fromEnv(env),
                DedupConfig.fromEnv(env),
                StoryConfig.fromEnv(env));
    }

    /** The same configuration pointing at other Kafka and OpenSearch endpoints. */
    public EnrichmentConfig withEndpoints(String kafka, URI openSearch) {
        return new EnrichmentConfig(
                kafka,
                openSearch,
                consumerGroup,
                checkpointInterval,
                maxHtmlChars,
                transactionalIdPrefix,
                inference,
                dedup,
                stories);
    }

    /** The same configuration with other inference settings. */
    public EnrichmentConfig withInference(InferenceConfig value) {
        return new EnrichmentConfig(
                kafkaBootstrapServers,
                openSearchUri,
                consumerGroup,
                checkpointInterval,
                maxHtmlChars,
                transactionalIdPrefix,
                value,
                dedup,
                stories);
    }
}
