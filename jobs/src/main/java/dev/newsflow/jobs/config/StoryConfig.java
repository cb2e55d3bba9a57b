package dev.newsflow.jobs.config;

import dev.newsflow.jobs.functions.stories.Importance;
import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How articles are clustered into stories and how stories are scored (see docs/stories.md).
 * Defaults were chosen on real articles with {@code benchmarks/.../StoryMatchTuning}.
 *
 * @param threshold an article joins a story when cosine(article, centroid) + keyword bonus reaches
 *     this
 * @param keywordBonus weight of the keyword overlap (Jaccard, in [0, 1]) added to the cosine
 * @param window a story takes articles while its last article is at most this far (article time)
 *     from the new one; older stories are dropped from state
 * @param maxActiveStories per shard (language); beyond it the least recently seen story goes
 * @param maxMembers article ids kept per story (the most recent); the count goes on
 * @param halfLife of the recency component
 * @param weights of the importance components, by name ({@link Importance#COMPONENTS})
 * @param authority source (publisher host or name, lower case) → authority in [0, 1]; a host also
 *     matches its subdomains
 * @param defaultAuthority of sources not in {@code authority}
 * @param stateTtl backstop expiry of story state by processing time, for shards that stop getting
 *     articles (the window expires stories by article time only when articles arrive)
 */
public record StoryConfig(
        double threshold,
        double keywordBonus,
        Duration window,
        int maxActiveStories,
        int maxMembers,
        Duration halfLife,
        Map<String, Double> weights,
        Map<String, Double> authority,
        double defaultAuthority,
        Duration stateTtl)
        implements Serializable {

    public static final String THRESHOLD = "NEWSFLOW_STORY_THRESHOLD";
    public static final String KEYWORD_BONUS = "NEWSFLOW_STORY_KEYWORD_BONUS";
    public static final String WINDOW_MS = "NEWSFLOW_STORY_WINDOW_MS";
    public static final String MAX_ACTIVE = "NEWSFLOW_STORY_MAX_ACTIVE";
    public static final String MAX_MEMBERS = "NEWSFLOW_STORY_MAX_MEMBERS";
    public static final String HALF_LIFE_MS = "NEWSFLOW_STORY_HALF_LIFE_MS";

    /** Followed by the component's name in upper case, e.g. NEWSFLOW_STORY_WEIGHT_SOURCES. */
    public static final String WEIGHT_PREFIX = "NEWSFLOW_STORY_WEIGHT_";

    public static final String SOURCE_AUTHORITY = "NEWSFLOW_SOURCE_AUTHORITY";
    public static final String DEFAULT_AUTHORITY = "NEWSFLOW_STORY_DEFAULT_AUTHORITY";
    public static final String STATE_TTL_MS = "NEWSFLOW_STORY_STATE_TTL_MS";

    public static final double DEFAULT_THRESHOLD = 0.78;
    public static final double DEFAULT_KEYWORD_BONUS = 0.05;

    /** Default weights; they sum to 1. */
    public static final Map<String, Double> DEFAULT_WEIGHTS =
            Map.of(
                    Importance.SOURCES, 0.25,
                    Importance.VELOCITY, 0.20,
                    Importance.AUTHORITY, 0.15,
                    Importance.RECENCY, 0.20,
                    Importance.NOVELTY, 0.05,
                    Importance.MODEL, 0.15);

    public StoryConfig {
        require(
                threshold > 0 && threshold <= 1 + keywordBonus,
                THRESHOLD + " must be in (0, 1 + keyword bonus], got " + threshold);
        require(
                keywordBonus >= 0 && keywordBonus <= 1,
                KEYWORD_BONUS + " must be in [0, 1], got " + keywordBonus);
        require(positive(window), WINDOW_MS + " must be positive, got " + window);
        require(maxActiveStories >= 1, MAX_ACTIVE + " must be >= 1, got " + maxActiveStories);
        require(maxMembers >= 1, MAX_MEMBERS + " must be >= 1, got " + maxMembers);
        require(positive(halfLife), HALF_LIFE_MS + " must be positive, got " + halfLife);
        require(
                stateTtl.compareTo(window) > 0,
                STATE_TTL_MS + " must exceed the window (" + window + "), got " + stateTtl);
        require(
                defaultAuthority >= 0 && defaultAuthority <= 1,
                DEFAULT_AUTHORITY + " must be in [0, 1], got " + defaultAuthority);
        weights = Map.copyOf(weights);
        authority = Map.copyOf(authority);
        double always = 0;
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            require(
                    Importance.COMPONENTS.contains(w.getKey()),
                    "unknown importance component '"
                            + w.getKey()
                            + "', expected one of "
                            + Importance.COMPONENTS);
            require(
                    w.getValue() >= 0 && Double.isFinite(w.getValue()),
                    WEIGHT_PREFIX + upper(w.getKey()) + " must be >= 0, got " + w.getValue());
            always += Importance.MODEL.equals(w.getKey()) ? 0 : w.getValue();
        }
        require(
                always > 0,
                "the importance weights other than model must not all be 0 (the model rating"
                        + " may be missing): "
                        + weights);
        for (Map.Entry<String, Double> a : authority.entrySet()) {
            require(
                    a.getValue() >= 0 && a.getValue() <= 1,
                    SOURCE_AUTHORITY
                            + ": authority of "
                            + a.getKey()
                            + " must be in [0, 1], got "
                            + a.getValue());
        }
    }

    /** The defaults: serve the local stack and were tuned on real articles. */
    public static StoryConfig defaults() {
        return fromEnv(Map.of());
    }

    /** Reads the configuration from environment variables, falling back to the defaults. */
    public static StoryConfig fromEnv(Map<String, String> env) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String component : Importance.COMPONENTS) {
            weights.put(
                    component,
                    EnvValues.decimal(
                            env, WEIGHT_PREFIX + upper(component), DEFAULT_WEIGHTS.get(component)));
        }
        Map<String, Double> authority = new LinkedHashMap<>();
        EnvValues.decimals(env, SOURCE_AUTHORITY)
                .forEach((source, value) -> authority.put(source.toLowerCase(Locale.ROOT), value));
        return new StoryConfig(
                EnvValues.decimal(env, THRESHOLD, DEFAULT_THRESHOLD),
                EnvValues.decimal(env, KEYWORD_BONUS, DEFAULT_KEYWORD_BONUS),
                EnvValues.millis(env, WINDOW_MS, Duration.ofHours(24)),
                (int) EnvValues.number(env, MAX_ACTIVE, 2_000),
                (int) EnvValues.number(env, MAX_MEMBERS, 50),
                EnvValues.millis(env, HALF_LIFE_MS, Duration.ofHours(6)),
                weights,
                authority,
                EnvValues.decimal(env, DEFAULT_AUTHORITY, 0.5),
                EnvValues.millis(env, STATE_TTL_MS, Duration.ofDays(7)));
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    private static String upper(String component) {
        return component.toUpperCase(Locale.ROOT);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
