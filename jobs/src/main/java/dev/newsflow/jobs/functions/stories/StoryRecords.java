package dev.newsflow.jobs.functions.stories;

import dev.newsflow.jobs.functions.Vectors;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.Story;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns an {@link ActiveStory} into the published {@link Story} and labels its articles. */
public final class StoryRecords {

    private StoryRecords() {}

    /** The story as published on {@code news.stories} and indexed. */
    public static Story toStory(ActiveStory s) {
        List<String> sources = sourcesInOrder(s.sourceFirstSeen);
        return Story.newBuilder()
                .setStoryId(s.storyId)
                .setHeadline(s.headline == null ? "" : s.headline)
                .setSummary(s.headlineSummary)
                .setLanguage(s.language)
                .setArticleIds(new ArrayList<>(s.memberIds))
                .setArticleCount(s.articleCount)
                .setSources(sources)
                .setSourceCount(sources.size())
                .setKeywords(new ArrayList<>(s.keywords))
                .setCentroid(centroid(s.centroidSum))
                .setFirstSeen(Instant.ofEpochMilli(s.firstSeen))
                .setLastSeen(Instant.ofEpochMilli(s.lastSeen))
                .setGrowthRate(StoryUpdates.growthRate(s))
                .setImportance(s.importance)
                .setImportanceComponents(new HashMap<>(s.importanceComponents))
                .setVersion(s.version)
                .setUpdatedAt(Instant.ofEpochMilli(s.updatedAt))
                .build();
    }

    /**
     * The article labelled with its story: an article is as important as its story was when the
     * article joined it, for the same reasons (the components).
     */
    public static void label(EnrichedArticle article, ActiveStory story) {
        article.setStoryId(story.storyId);
        article.setImportance(story.importance);
        article.setImportanceComponents(new HashMap<>(story.importanceComponents));
    }

    /** Sources in the order they joined (earliest article first; by name on a tie). */
    static List<String> sourcesInOrder(Map<String, Long> firstSeen) {
        return firstSeen.entrySet().stream()
                .sorted(
                        Map.Entry.<String, Long>comparingByValue()
                                .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .toList();
    }

    private static List<Float> centroid(float[] sum) {
        float[] unit = Vectors.normalized(sum);
        List<Float> out = new ArrayList<>(unit.length);
        for (float x : unit) {
            out.add(x);
        }
        return out;
    }
}
