package dev.newsflow.jobs.functions.stories;

import dev.newsflow.jobs.functions.Vectors;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether an article belongs to a story: the cosine of its embedding to the story's centroid plus a
 * bonus for shared keywords, {@code cosine + bonus · jaccard(keywords)}, must reach the threshold,
 * and the story's latest article must be within the window of the article's time.
 */
public final class StoryMatch {

    private StoryMatch() {}

    /** The match score of an article (embedding and keywords) against a story. */
    public static double score(
            float[] vector, Collection<String> keywords, ActiveStory story, double keywordBonus) {
        return Vectors.cosine(vector, story.centroidSum)
                + keywordBonus * jaccard(keywords, story.keywords);
    }

    /** The story can still take an article of time {@code time}. */
    public static boolean inWindow(long time, ActiveStory story, Duration window) {
        return Math.abs(time - story.lastSeen) <= window.toMillis();
    }

    /** |a ∩ b| / |a ∪ b|; 0 when both are empty. */
    public static double jaccard(Collection<String> a, Collection<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        if (union.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String x : new HashSet<>(a)) {
            shared += b.contains(x) ? 1 : 0;
        }
        return (double) shared / union.size();
    }
}
