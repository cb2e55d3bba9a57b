package dev.newsflow.jobs.config;

import dev.newsflow.jobs.functions.fetch.FetchPolicy;
import dev.newsflow.jobs.functions.ingest.PageFetchSettings;
import dev.newsflow.jobs.functions.ingest.PollSchedule;
import dev.newsflow.jobs.source.feeds.FeedSourceSettings;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;

/**
 * Typed, immutable configuration of the feed ingestion job. Every value has a default that serves
 * the local stack and an environment variable that overrides it (durations in milliseconds).
 *
 * @param feedsFile the initial feed list, or null to take feeds from feeds.control only
 */
public record FeedIngestConfig(
        String kafkaBootstrapServers,
        String feedsFile,
        PollSchedule schedule,
        int maxSeenIds,
        int pollConcurrency,
        Duration hostDelay,
        int pageConcurrency,
        Duration pageTimeout,
        int pageAttempts,
        Duration controlPollInterval,
        Duration checkpointInterval,
        String transactionalIdPrefix,
        boolean allowLoopback)
        implements Serializable {

    public static final String KAFKA_BOOTSTRAP = "NEWSFLOW_KAFKA_BOOTSTRAP";
    public static final String FEEDS_FILE = "NEWSFLOW_FEEDS_FILE";
    public static final String MIN_INTERVAL_MS = "NEWSFLOW_FEED_MIN_INTERVAL_MS";
    public static final String MAX_INTERVAL_MS = "NEWSFLOW_FEED_MAX_INTERVAL_MS";
    public static final String MAX_SEEN_IDS = "NEWSFLOW_FEED_MAX_SEEN_IDS";
    public static final String POLL_CONCURRENCY = "NEWSFLOW_FEED_POLL_CONCURRENCY";
    public static final String HOST_DELAY_MS = "NEWSFLOW_HOST_DELAY_MS";
    public static final String PAGE_CONCURRENCY = "NEWSFLOW_PAGE_CONCURRENCY";
    public static final String PAGE_TIMEOUT_MS = "NEWSFLOW_PAGE_TIMEOUT_MS";
    public static final String PAGE_ATTEMPTS = "NEWSFLOW_PAGE_ATTEMPTS";
    public static final String CONTROL_POLL_MS = "NEWSFLOW_FEED_CONTROL_POLL_MS";
    public static final String CHECKPOINT_INTERVAL_MS = "NEWSFLOW_CHECKPOINT_INTERVAL_MS";
    public static final String TRANSACTIONAL_ID_PREFIX = "NEWSFLOW_INGEST_TXN_PREFIX";
    public static final String ALLOW_LOOPBACK = "NEWSFLOW_FETCH_ALLOW_LOOPBACK";

    public FeedIngestConfig {
        // The settings records validate their own ranges.
        sourceSettingsOf(schedule, maxSeenIds, pollConcurrency, hostDelay, controlPollInterval);
        new PageFetchSettings(pageConcurrency, hostDelay, pageAttempts);
        if (!isPositive(pageTimeout) || !isPositive(checkpointInterval)) {
            throw new IllegalArgumentException(
                    PAGE_TIMEOUT_MS
                            + " and "
                            + CHECKPOINT_INTERVAL_MS
                            + " must be positive: "
                            + pageTimeout
                            + ", "
                            + checkpointInterval);
        }
    }

    /** Reads the configuration from environment variables, falling back to local defaults. */
    public static FeedIngestConfig fromEnv(Map<String, String> env) {
        String feedsFile = env.get(FEEDS_FILE);
        return new FeedIngestConfig(
                env.getOrDefault(KAFKA_BOOTSTRAP, "127.0.0.1:9092"),
                feedsFile == null || feedsFile.isBlank() ? null : feedsFile.trim(),
                new PollSchedule(
                        EnvValues.millis(env, MIN_INTERVAL_MS, Duration.ofMinutes(5)),
                        EnvValues.millis(env, MAX_INTERVAL_MS, Duration.ofHours(24))),
                (int) EnvValues.number(env, MAX_SEEN_IDS, 2_000),
                (int) EnvValues.number(env, POLL_CONCURRENCY, 8),
                EnvValues.millis(env, HOST_DELAY_MS, Duration.ofSeconds(1)),
                (int) EnvValues.number(env, PAGE_CONCURRENCY, 16),
                EnvValues.millis(env, PAGE_TIMEOUT_MS, Duration.ofMinutes(5)),
                (int) EnvValues.number(env, PAGE_ATTEMPTS, 3),
                EnvValues.millis(env, CONTROL_POLL_MS, Duration.ofSeconds(1)),
                EnvValues.millis(env, CHECKPOINT_INTERVAL_MS, Duration.ofSeconds(5)),
                env.getOrDefault(TRANSACTIONAL_ID_PREFIX, "newsflow-ingest"),
                Boolean.parseBoolean(env.getOrDefault(ALLOW_LOOPBACK, "false").trim()));
    }

    public FeedSourceSettings sourceSettings() {
        return sourceSettingsOf(
                schedule, maxSeenIds, pollConcurrency, hostDelay, controlPollInterval);
    }

    /**
     * The HTTP fetcher's policy: its defaults (timeouts, size limits, SSRF guard), with loopback
     * allowed only when configured. Politeness is applied by the job, not the fetcher.
     */
    public FetchPolicy fetchPolicy() {
        return FetchPolicy.builder()
                .allowLoopback(allowLoopback)
                .hostMinInterval(hostDelay)
                .build();
    }

    public PageFetchSettings pageSettings() {
        return new PageFetchSettings(pageConcurrency, hostDelay, pageAttempts);
    }

    private static FeedSourceSettings sourceSettingsOf(
            PollSchedule schedule,
            int maxSeenIds,
            int pollConcurrency,
            Duration hostDelay,
            Duration controlPollInterval) {
        return new FeedSourceSettings(
                schedule, maxSeenIds, pollConcurrency, hostDelay, controlPollInterval);
    }

    private static boolean isPositive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }
}
