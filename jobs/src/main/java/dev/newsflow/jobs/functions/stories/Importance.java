package dev.newsflow.jobs.functions.stories;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How important a story is, in [0, 1], from components that are each in [0, 1] and stored with the
 * score so that a ranking can be explained:
 *
 * <ul>
 *   <li>{@code sources}: distinct sources covering the story, {@code 1 - 2^(-n/3)} (3 sources give
 *       0.5, 6 give 0.75);
 *   <li>{@code velocity}: distinct sources whose first article in the story is at most an hour
 *       older than the story's latest article, {@code 1 - 2^(-v/3)};
 *   <li>{@code authority}: the highest authority among the story's sources;
 *   <li>{@code recency}: {@code 2^(-age/halfLife)}, age = the fetch time of the article that
 *       changed the story minus the story's first seen time (the earliest publication time of its
 *       articles): how old the news was when it reached us;
 *   <li>{@code novelty}: {@code 1 - max(0, max cosine)} of the story's centroid to the other active
 *       stories' centroids of its shard;
 *   <li>{@code model}: the mean rating the summarization model gave the story's articles, when it
 *       rated any.
 * </ul>
 *
 * <p>importance = Σ w·c / Σ w over the components present, so a missing model rating renormalises
 * the other weights instead of counting as 0.
 */
public final class Importance {

    public static final String SOURCES = "sources";
    public static final String VELOCITY = "velocity";
    public static final String AUTHORITY = "authority";
    public static final String RECENCY = "recency";
    public static final String NOVELTY = "novelty";
    public static final String MODEL = "model";

    public static final List<String> COMPONENTS =
            List.of(SOURCES, VELOCITY, AUTHORITY, RECENCY, NOVELTY, MODEL);

    /** Distinct sources at which {@code sources} reaches 0.5. */
    public static final double SOURCES_HALF = 3;

    /** Sources joining within an hour at which {@code velocity} reaches 0.5. */
    public static final double VELOCITY_HALF = 3;

    /** The window of {@code velocity} and of the story's growth rate. */
    public static final Duration VELOCITY_WINDOW = Duration.ofHours(1);

    private Importance() {}

    /**
     * What the components are computed from.
     *
     * @param sources distinct sources of the story
     * @param sourcesLastHour of those, the ones that joined within {@link #VELOCITY_WINDOW}
     * @param authority the highest authority among them, in [0, 1]
     * @param age fetch time of the latest article minus the story's first seen time
     * @param maxCosineToOthers highest cosine of the centroid to another active story (0 if none)
     * @param model mean model rating of the articles, or {@code null} when none was rated
     */
    public record Inputs(
            int sources,
            int sourcesLastHour,
            double authority,
            Duration age,
            double maxCosineToOthers,
            Double model) {}

    /** The components, in {@link #COMPONENTS} order; {@code model} only when rated. */
    public static Map<String, Double> components(Inputs in, Duration halfLife) {
        Map<String, Double> c = new LinkedHashMap<>();
        c.put(SOURCES, saturating(in.sources(), SOURCES_HALF));
        c.put(VELOCITY, saturating(in.sourcesLastHour(), VELOCITY_HALF));
        c.put(AUTHORITY, unit(in.authority()));
        c.put(RECENCY, recency(in.age(), halfLife));
        c.put(NOVELTY, unit(1 - Math.max(0, in.maxCosineToOthers())));
        if (in.model() != null) {
            c.put(MODEL, unit(in.model()));
        }
        return c;
    }

    /** Σ w·c / Σ w over the components present; 0 when no present component has a weight. */
    public static double score(Map<String, Double> components, Map<String, Double> weights) {
        double weighted = 0;
        double total = 0;
        for (Map.Entry<String, Double> c : components.entrySet()) {
            double w = weights.getOrDefault(c.getKey(), 0.0);
            weighted += w * c.getValue();
            total += w;
        }
        return total == 0 ? 0 : unit(weighted / total);
    }

    /** {@code 1 - 2^(-x/half)}: 0 at 0, 0.5 at {@code half}, approaching 1. */
    public static double saturating(double x, double half) {
        return unit(1 - Math.pow(0.5, Math.max(0, x) / half));
    }

    /** {@code 2^(-age/halfLife)}; a negative age (clock skew) counts as 0. */
    public static double recency(Duration age, Duration halfLife) {
        double ageMillis = Math.max(0, age.toMillis());
        return unit(Math.pow(0.5, ageMillis / halfLife.toMillis()));
    }

    private static double unit(double x) {
        return Double.isNaN(x) ? 0 : Math.max(0, Math.min(1, x));
    }
}
