package dev.newsflow.jobs.functions.stories;

import dev.newsflow.jobs.config.StoryConfig;
import dev.newsflow.jobs.functions.Vectors;
import dev.newsflow.schemas.EnrichedArticle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Founds stories, adds articles to them and rescores them. Keeps every collection of an {@link
 * ActiveStory} bounded, so a story's state has a fixed maximum size however long it runs.
 */
public final class StoryUpdates {

    /** Keyword counts kept per story (the most frequent). */
    public static final int MAX_KEYWORD_COUNTS = 64;

    /** Distinct sources kept per story; more sources do not change importance (saturated). */
    public static final int MAX_SOURCES = 500;

    /** Join times kept for the growth rate; beyond it the rate saturates. */
    public static final int MAX_RECENT_JOINS = 1_000;

    private static final Comparator<Map.Entry<String, Integer>> MOST_FREQUENT =
            Map.Entry.<String, Integer>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey());

    private StoryUpdates() {}

    /** A new, empty story founded by {@code article} (add the article with {@link #add}). */
    public static ActiveStory found(EnrichedArticle article, int dimension, long time) {
        ActiveStory s = new ActiveStory();
        s.storyId = "s-" + article.getId();
        s.language = article.getLanguage();
        s.centroidSum = new float[dimension];
        s.memberIds = new ArrayList<>();
        s.keywordCounts = new HashMap<>();
        s.keywords = new ArrayList<>();
        s.sourceFirstSeen = new HashMap<>();
        s.recentJoins = new ArrayList<>();
        s.firstSeen = time;
        s.lastSeen = time;
        s.headlineAuthority = -1;
        s.importanceComponents = new HashMap<>();
        return s;
    }

    /**
     * Adds {@code article} (embedding {@code vector}, keywords, article time {@code time}, source
     * authority {@code authority}) to {@code story} and bumps its version.
     */
    public static void add(
            ActiveStory story,
            EnrichedArticle article,
            float[] vector,
            double authority,
            long time,
            int maxMembers) {
        Vectors.addTo(story.centroidSum, vector);
        story.articleCount++;
        story.memberIds.add(article.getId());
        while (story.memberIds.size() > maxMembers) {
            story.memberIds.remove(0);
        }
        for (String keyword : article.getKeywords()) {
            story.keywordCounts.merge(keyword, 1, Integer::sum);
        }
        if (story.keywordCounts.size() > MAX_KEYWORD_COUNTS) {
            Map<String, Integer> kept = new HashMap<>();
            for (String keyword : mostFrequent(story.keywordCounts, MAX_KEYWORD_COUNTS)) {
                kept.put(keyword, story.keywordCounts.get(keyword));
            }
            story.keywordCounts = kept;
        }
        story.keywords = mostFrequent(story.keywordCounts, Keywords.DEFAULT_LIMIT);
        if (story.sourceFirstSeen.containsKey(article.getSource())
                || story.sourceFirstSeen.size() < MAX_SOURCES) {
            story.sourceFirstSeen.merge(article.getSource(), time, Math::min);
        }
        story.firstSeen = Math.min(story.firstSeen, time);
        story.lastSeen = Math.max(story.lastSeen, time);
        addJoin(story, time);
        if (authority > story.headlineAuthority) {
            story.headline = article.getTitle();
            story.headlineSummary = article.getSummary();
            story.headlineAuthority = authority;
        }
        Double rating = modelRating(article);
        if (rating != null) {
            story.modelSum += rating;
            story.modelCount++;
        }
        story.updatedAt = Math.max(story.updatedAt, article.getFetchedAt().toEpochMilli());
        story.version++;
    }

    /**
     * Recomputes the story's importance as of {@code fetchedAt} (the fetch time of the article that
     * changed it), given the highest cosine of its centroid to another active story of the shard.
     */
    public static void rescore(
            ActiveStory story, long fetchedAt, double maxCosineToOthers, StoryConfig config) {
        Importance.Inputs inputs =
                new Importance.Inputs(
                        story.sourceFirstSeen.size(),
                        sourcesLastHour(story),
                        Math.max(0, story.headlineAuthority),
                        Duration.ofMillis(fetchedAt - story.firstSeen),
                        maxCosineToOthers,
                        story.modelCount == 0 ? null : story.modelSum / story.modelCount);
        story.importanceComponents =
                new HashMap<>(Importance.components(inputs, config.halfLife()));
        story.importance = Importance.score(story.importanceComponents, config.weights());
    }

    /** Articles per hour that joined within the hour before the story's latest article. */
    public static double growthRate(ActiveStory story) {
        return story.recentJoins.size() * (3_600_000.0 / Importance.VELOCITY_WINDOW.toMillis());
    }

    /** Distinct sources whose first article is within the velocity window of the latest one. */
    static int sourcesLastHour(ActiveStory story) {
        long since = story.lastSeen - Importance.VELOCITY_WINDOW.toMillis();
        return (int) story.sourceFirstSeen.values().stream().filter(t -> t > since).count();
    }

    /** The model's rating of the article in [0, 1], when the summarization step gave one. */
    static Double modelRating(EnrichedArticle article) {
        Map<String, Double> components = article.getImportanceComponents();
        Double rating = components == null ? null : components.get(Importance.MODEL);
        return rating == null || !Double.isFinite(rating) ? null : Math.max(0, Math.min(1, rating));
    }

    private static void addJoin(ActiveStory story, long time) {
        List<Long> joins = story.recentJoins;
        int at = Collections.binarySearch(joins, time);
        joins.add(at < 0 ? -at - 1 : at, time);
        long since = story.lastSeen - Importance.VELOCITY_WINDOW.toMillis();
        while (!joins.isEmpty() && (joins.get(0) <= since || joins.size() > MAX_RECENT_JOINS)) {
            joins.remove(0);
        }
    }

    /** The {@code limit} keywords with the highest counts, ties in alphabetical order. */
    static List<String> mostFrequent(Map<String, Integer> counts, int limit) {
        return counts.entrySet().stream()
                .sorted(MOST_FREQUENT)
                .limit(limit)
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(ArrayList::new));
    }
}
