package dev.newsflow.jobs.config;

import dev.newsflow.jobs.functions.persona.PersonaRules;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Typed, immutable configuration of the persona job. Every value has a default that serves the
 * local stack and an environment variable that overrides it (durations in milliseconds); see the
 * table in docs/personas.md.
 *
 * @param userTtl a user's state expires this long after their last interaction
 * @param articleTtl an article's embedding is kept this long after it was last used; match it to
 *     the retention of news.enriched, from which a fresh start reloads the articles
 * @param maxWaiting interactions per article waiting for its embedding; more are dead-lettered
 * @param maxWait how long an interaction waits for its article's embedding, then it is
 *     dead-lettered
 * @param indexFlushInterval the OpenSearch sink sends a bulk request at least this often
 * @param indexFlushMaxActions ... or as soon as it holds this many documents
 * @param bufferTimeout how long Flink holds a network buffer before sending it half full; the
 *     default 100 ms would dominate the like-to-persona latency
 */
public record PersonaConfig(
        String kafkaBootstrapServers,
        URI openSearchUri,
        String consumerGroup,
        Duration checkpointInterval,
        String transactionalIdPrefix,
        Duration userTtl,
        Duration articleTtl,
        int maxWaiting,
        Duration maxWait,
        Duration indexFlushInterval,
        int indexFlushMaxActions,
        Duration bufferTimeout,
        PersonaRules rules)
        implements Serializable {

    public static final String KAFKA_BOOTSTRAP = "NEWSFLOW_KAFKA_BOOTSTRAP";
    public static final String OPENSEARCH_URL = "NEWSFLOW_OPENSEARCH_URL";
    public static final String CONSUMER_GROUP = "NEWSFLOW_PERSONA_GROUP";
    public static final String CHECKPOINT_INTERVAL_MS = "NEWSFLOW_CHECKPOINT_INTERVAL_MS";
    public static final String TRANSACTIONAL_ID_PREFIX = "NEWSFLOW_PERSONA_TXN_PREFIX";
    public static final String USER_TTL_MS = "NEWSFLOW_PERSONA_USER_TTL_MS";
    public static final String ARTICLE_TTL_MS = "NEWSFLOW_PERSONA_ARTICLE_TTL_MS";
    public static final String MAX_WAITING = "NEWSFLOW_PERSONA_MAX_WAITING";
    public static final String MAX_WAIT_MS = "NEWSFLOW_PERSONA_MAX_WAIT_MS";
    public static final String INDEX_FLUSH_MS = "NEWSFLOW_PERSONA_INDEX_FLUSH_MS";
    public static final String INDEX_FLUSH_ACTIONS = "NEWSFLOW_PERSONA_INDEX_FLUSH_ACTIONS";
    public static final String BUFFER_TIMEOUT_MS = "NEWSFLOW_PERSONA_BUFFER_TIMEOUT_MS";
    public static final String HALF_LIFE_MS = "NEWSFLOW_PERSONA_HALF_LIFE_MS";
    public static final String LIKE_WEIGHT = "NEWSFLOW_PERSONA_LIKE_WEIGHT";
    public static final String CLICK_WEIGHT = "NEWSFLOW_PERSONA_CLICK_WEIGHT";
    public static final String DISLIKE_WEIGHT = "NEWSFLOW_PERSONA_DISLIKE_WEIGHT";
    public static final String HIDE_WEIGHT = "NEWSFLOW_PERSONA_HIDE_WEIGHT";
    public static final String NEGATIVE_SHARE = "NEWSFLOW_PERSONA_NEGATIVE_SHARE";
    public static final String MAX_INTERESTS = "NEWSFLOW_PERSONA_MAX_INTERESTS";
    public static final String INTEREST_SIMILARITY = "NEWSFLOW_PERSONA_INTEREST_SIMILARITY";
    public static final String MERGE_SIMILARITY = "NEWSFLOW_PERSONA_MERGE_SIMILARITY";
    public static final String MAX_LIKED = "NEWSFLOW_PERSONA_MAX_LIKED";
    public static final String MAX_REJECTED = "NEWSFLOW_PERSONA_MAX_REJECTED";
    public static final String MAX_SEEN = "NEWSFLOW_PERSONA_MAX_SEEN";
    public static final String RECENT_EVENTS = "NEWSFLOW_PERSONA_RECENT_EVENTS";

    public PersonaConfig {
        for (Duration d : new Duration[] {checkpointInterval, userTtl, articleTtl, maxWait}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(
                        "checkpoint interval, TTLs and max wait must be positive: " + d);
            }
        }
        if (indexFlushInterval.isNegative() || indexFlushInterval.isZero()) {
            throw new IllegalArgumentException(
                    INDEX_FLUSH_MS + " must be positive: " + indexFlushInterval);
        }
        if (bufferTimeout.isNegative()) {
            throw new IllegalArgumentException(
                    BUFFER_TIMEOUT_MS + " must be >= 0: " + bufferTimeout);
        }
        if (maxWaiting < 1 || indexFlushMaxActions < 1) {
            throw new IllegalArgumentException(
                    MAX_WAITING + " and " + INDEX_FLUSH_ACTIONS + " must be >= 1");
        }
    }

    /** Reads the configuration from environment variables, falling back to local defaults. */
    public static PersonaConfig fromEnv(Map<String, String> env) {
        PersonaRules d = PersonaRules.defaults();
        return new PersonaConfig(
                env.getOrDefault(KAFKA_BOOTSTRAP, "127.0.0.1:9092"),
                URI.create(env.getOrDefault(OPENSEARCH_URL, "http://127.0.0.1:9200")),
                env.getOrDefault(CONSUMER_GROUP, "newsflow-persona"),
                EnvValues.millis(env, CHECKPOINT_INTERVAL_MS, Duration.ofSeconds(5)),
                env.getOrDefault(TRANSACTIONAL_ID_PREFIX, "newsflow-persona"),
                EnvValues.millis(env, USER_TTL_MS, Duration.ofDays(180)),
                EnvValues.millis(env, ARTICLE_TTL_MS, Duration.ofDays(7)),
                (int) EnvValues.number(env, MAX_WAITING, 1_000),
                EnvValues.millis(env, MAX_WAIT_MS, Duration.ofMinutes(10)),
                EnvValues.millis(env, INDEX_FLUSH_MS, Duration.ofMillis(10)),
                (int) EnvValues.number(env, INDEX_FLUSH_ACTIONS, 500),
                EnvValues.millis(env, BUFFER_TIMEOUT_MS, Duration.ofMillis(5)),
                new PersonaRules(
                        EnvValues.millis(env, HALF_LIFE_MS, d.halfLife()),
                        EnvValues.decimal(env, LIKE_WEIGHT, d.likeWeight()),
                        EnvValues.decimal(env, CLICK_WEIGHT, d.clickWeight()),
                        EnvValues.decimal(env, DISLIKE_WEIGHT, d.dislikeWeight()),
                        EnvValues.decimal(env, HIDE_WEIGHT, d.hideWeight()),
                        EnvValues.decimal(env, NEGATIVE_SHARE, d.negativeShare()),
                        (int) EnvValues.number(env, MAX_INTERESTS, d.maxInterests()),
                        EnvValues.decimal(env, INTEREST_SIMILARITY, d.interestSimilarity()),
                        EnvValues.decimal(env, MERGE_SIMILARITY, d.mergeSimilarity()),
                        (int) EnvValues.number(env, MAX_LIKED, d.maxLiked()),
                        (int) EnvValues.number(env, MAX_REJECTED, d.maxRejected()),
                        (int) EnvValues.number(env, MAX_SEEN, d.maxSeen()),
                        (int) EnvValues.number(env, RECENT_EVENTS, d.recentEvents())));
    }

    /** The same configuration pointing at other Kafka and OpenSearch endpoints. */
    public PersonaConfig withEndpoints(String kafka, URI openSearch) {
        return new PersonaConfig(
                kafka,
                openSearch,
                consumerGroup,
                checkpointInterval,
                transactionalIdPrefix,
                userTtl,
                articleTtl,
                maxWaiting,
                maxWait,
                indexFlushInterval,
                indexFlushMaxActions,
                bufferTimeout,
                rules);
    }
}
