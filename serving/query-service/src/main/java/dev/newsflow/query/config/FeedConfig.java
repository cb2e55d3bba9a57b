package dev.newsflow.query.config;

import java.time.Duration;
import java.util.Map;

/**
 * How {@code GET /feed} finds and ranks articles (docs/query-service.md, "Feed ranking"). Part of
 * {@link QueryServiceConfig}; every field has a {@code NEWSFLOW_FEED_*} environment key.
 *
 * @param recencyWindow only articles published this long before the request are candidates
 * @param halfLife an article this old has half the recency score of a fresh one
 * @param similarityWeight weight of the cosine to the nearest interest in the blend
 * @param importanceWeight weight of the article's importance in the blend
 * @param recencyWeight weight of the recency decay in the blend
 * @param candidatesPerCentroid kNN candidates fetched per interest centroid and profile vector
 * @param perSourceCap at most this many articles of one source on a page
 * @param mmrLambda MMR trade-off: 1 ranks by the blend only, 0 by novelty only
 * @param negativeSimilarity candidates with at least this cosine to the negative profile are
 *     dropped; with MiniLM, unrelated articles stay below 0.1 and articles on a disliked topic
 *     reach 0.34-0.52 to the negative profile (docs/query-service.md)
 */
public record FeedConfig(
        Duration recencyWindow,
        Duration halfLife,
        double similarityWeight,
        double importanceWeight,
        double recencyWeight,
        int candidatesPerCentroid,
        int perSourceCap,
        double mmrLambda,
        double negativeSimilarity) {

    public static final String ENV_RECENCY_WINDOW_MS = "NEWSFLOW_FEED_RECENCY_WINDOW_MS";
    public static final String ENV_HALF_LIFE_MS = "NEWSFLOW_FEED_HALF_LIFE_MS";
    public static final String ENV_SIMILARITY_WEIGHT = "NEWSFLOW_FEED_SIMILARITY_WEIGHT";
    public static final String ENV_IMPORTANCE_WEIGHT = "NEWSFLOW_FEED_IMPORTANCE_WEIGHT";
    public static final String ENV_RECENCY_WEIGHT = "NEWSFLOW_FEED_RECENCY_WEIGHT";
    public static final String ENV_CANDIDATES_PER_CENTROID =
            "NEWSFLOW_FEED_CANDIDATES_PER_CENTROID";
    public static final String ENV_PER_SOURCE_CAP = "NEWSFLOW_FEED_PER_SOURCE_CAP";
    public static final String ENV_MMR_LAMBDA = "NEWSFLOW_FEED_MMR_LAMBDA";
    public static final String ENV_NEGATIVE_SIMILARITY = "NEWSFLOW_FEED_NEGATIVE_SIMILARITY";

    /** Largest kNN {@code k} per query vector; OpenSearch answers with the embeddings. */
    public static final int MAX_CANDIDATES_PER_CENTROID = 500;

    public FeedConfig {
        positive(recencyWindow, ENV_RECENCY_WINDOW_MS);
        positive(halfLife, ENV_HALF_LIFE_MS);
        nonNegative(similarityWeight, ENV_SIMILARITY_WEIGHT);
        nonNegative(importanceWeight, ENV_IMPORTANCE_WEIGHT);
        nonNegative(recencyWeight, ENV_RECENCY_WEIGHT);
        if (!(similarityWeight + importanceWeight + recencyWeight > 0)) {
            throw new IllegalArgumentException("the feed's blend weights must not all be 0");
        }
        if (candidatesPerCentroid < 1 || candidatesPerCentroid > MAX_CANDIDATES_PER_CENTROID) {
            throw new IllegalArgumentException(
                    ENV_CANDIDATES_PER_CENTROID
                            + " must be in 1.."
                            + MAX_CANDIDATES_PER_CENTROID
                            + ", was "
                            + candidatesPerCentroid);
        }
        if (perSourceCap < 1) {
            throw new IllegalArgumentException(
                    ENV_PER_SOURCE_CAP + " must be at least 1, was " + perSourceCap);
        }
        if (!(mmrLambda >= 0 && mmrLambda <= 1)) {
            throw new IllegalArgumentException(
                    ENV_MMR_LAMBDA + " must be in [0, 1], was " + mmrLambda);
        }
        if (!(negativeSimilarity > -1 && negativeSimilarity <= 1)) {
            throw new IllegalArgumentException(
                    ENV_NEGATIVE_SIMILARITY + " must be in (-1, 1], was " + negativeSimilarity);
        }
    }

    /** Three days of news, a one-day half-life, similarity first. */
    public static FeedConfig defaults() {
        return new FeedConfig(
                Duration.ofDays(3), Duration.ofHours(24), 0.6, 0.25, 0.15, 50, 3, 0.7, 0.25);
    }

    /** Reads the {@code NEWSFLOW_FEED_*} keys, falling back to {@link #defaults()}. */
    public static FeedConfig fromEnv(Map<String, String> env) {
        FeedConfig d = defaults();
        return new FeedConfig(
                Duration.ofMillis(number(env, ENV_RECENCY_WINDOW_MS, d.recencyWindow.toMillis())),
                Duration.ofMillis(number(env, ENV_HALF_LIFE_MS, d.halfLife.toMillis())),
                decimal(env, ENV_SIMILARITY_WEIGHT, d.similarityWeight),
                decimal(env, ENV_IMPORTANCE_WEIGHT, d.importanceWeight),
                decimal(env, ENV_RECENCY_WEIGHT, d.recencyWeight),
                (int) number(env, ENV_CANDIDATES_PER_CENTROID, d.candidatesPerCentroid),
                (int) number(env, ENV_PER_SOURCE_CAP, d.perSourceCap),
                decimal(env, ENV_MMR_LAMBDA, d.mmrLambda),
                decimal(env, ENV_NEGATIVE_SIMILARITY, d.negativeSimilarity));
    }

    public FeedConfig withRecencyWindow(Duration window) {
        return new FeedConfig(
                window,
                halfLife,
                similarityWeight,
                importanceWeight,
                recencyWeight,
                candidatesPerCentroid,
                perSourceCap,
                mmrLambda,
                negativeSimilarity);
    }

    public FeedConfig withNegativeSimilarity(double threshold) {
        return new FeedConfig(
                recencyWindow,
                halfLife,
                similarityWeight,
                importanceWeight,
                recencyWeight,
                candidatesPerCentroid,
                perSourceCap,
                mmrLambda,
                threshold);
    }

    private static long number(Map<String, String> env, String key, long fallback) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer, was '" + value + "'", e);
        }
    }

    private static double decimal(Map<String, String> env, String key, double fallback) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, was '" + value + "'", e);
        }
    }

    private static void positive(Duration value, String key) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, was " + value);
        }
    }

    private static void nonNegative(double value, String key) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(key + " must be a number >= 0, was " + value);
        }
    }
}
