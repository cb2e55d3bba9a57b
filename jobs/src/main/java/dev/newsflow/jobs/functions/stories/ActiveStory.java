package dev.newsflow.jobs.functions.stories;

import dev.newsflow.jobs.functions.stories.StateTypes.ListOf;
import dev.newsflow.jobs.functions.stories.StateTypes.MapOf;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * A story in keyed state while it can still take articles. A Flink POJO whose collections carry
 * Flink's own list and map types ({@link StateTypes}), so it is serialized field by field without
 * Kryo and its state schema can evolve (fields added or removed keep savepoints readable). Every
 * collection is bounded; see {@link StoryUpdates}.
 */
public class ActiveStory {

    public String storyId;
    public String language;

    /** Sum of the members' unit embeddings; the centroid is its normalised value. */
    public float[] centroidSum;

    public int articleCount;

    /** The most recent member ids, oldest first, at most the configured max members. */
    @TypeInfo(ListOf.class)
    public List<String> memberIds;

    /**
     * Keyword → articles that had it, the {@link StoryUpdates#MAX_KEYWORD_COUNTS} most frequent.
     */
    @TypeInfo(MapOf.class)
    public Map<String, Integer> keywordCounts;

    /** The story's top keywords, matched against an article's (kept to avoid re-sorting). */
    @TypeInfo(ListOf.class)
    public List<String> keywords;

    /** Source → earliest article time of that source in the story. */
    @TypeInfo(MapOf.class)
    public Map<String, Long> sourceFirstSeen;

    /** Article times within {@link Importance#VELOCITY_WINDOW} of {@link #lastSeen}, ascending. */
    @TypeInfo(ListOf.class)
    public List<Long> recentJoins;

    /** Earliest article time (publication, or fetch when unknown). */
    public long firstSeen;

    /** Latest article time. */
    public long lastSeen;

    /** Latest fetch time of an article that changed the story. */
    public long updatedAt;

    /** Title, summary and source authority of the most authoritative article so far. */
    public String headline;

    public String headlineSummary;
    public double headlineAuthority;

    /** Sum and number of the model ratings of the members that have one. */
    public double modelSum;

    public int modelCount;

    public double importance;

    @TypeInfo(MapOf.class)
    public Map<String, Double> importanceComponents;

    /** Increases with every change. */
    public long version;

    public ActiveStory() {}
}
