package dev.newsflow.jobs.functions.stories;

import dev.newsflow.jobs.config.StoryConfig;
import dev.newsflow.jobs.functions.Vectors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One pass over the active stories of a shard for one article: which stories have expired, which
 * story the article joins (the best score at or above the threshold; the lower story id on a tie,
 * so the outcome never depends on the state backend's iteration order), and the centroids the
 * novelty component compares against.
 */
final class ShardScan {

    private final String articleId;
    private final float[] vector;
    private final List<String> keywords;
    private final long time;
    private final long expiresBefore;
    private final StoryConfig config;

    private final List<String> expired = new ArrayList<>();
    private final Map<String, float[]> centroids = new HashMap<>();
    private final Map<String, Long> lastSeen = new HashMap<>();
    private ActiveStory best;
    private double bestScore;
    private ActiveStory containing;

    /**
     * @param time the article's time
     * @param clock the shard's clock: the latest article time it has seen
     */
    ShardScan(
            String articleId,
            float[] vector,
            List<String> keywords,
            long time,
            long clock,
            StoryConfig config) {
        this.articleId = articleId;
        this.vector = vector;
        this.keywords = keywords;
        this.time = time;
        this.expiresBefore = clock - config.window().toMillis();
        this.config = config;
    }

    void visit(String id, ActiveStory story) {
        if (story.lastSeen < expiresBefore) {
            expired.add(id);
            return;
        }
        centroids.put(id, story.centroidSum);
        lastSeen.put(id, story.lastSeen);
        if (story.memberIds.contains(articleId)) {
            containing = story;
        }
        if (!StoryMatch.inWindow(time, story, config.window())) {
            return;
        }
        double score = StoryMatch.score(vector, keywords, story, config.keywordBonus());
        if (score >= config.threshold()
                && (best == null
                        || score > bestScore
                        || (score == bestScore && id.compareTo(best.storyId) < 0))) {
            best = story;
            bestScore = score;
        }
    }

    /** Stories whose latest article is older than the window before the shard's clock. */
    List<String> expired() {
        return expired;
    }

    /** The story that already holds this article id (a re-delivered article), if any. */
    ActiveStory containing() {
        return containing;
    }

    /** The story the article joins, or {@code null} when it founds a new one. */
    ActiveStory best() {
        return best;
    }

    /** Latest article time of every story still active, to pick the ones over the cap. */
    Map<String, Long> lastSeen() {
        return lastSeen;
    }

    /** The highest cosine of {@code story}'s centroid to any other active story of the shard. */
    double maxCosineToOthers(ActiveStory story) {
        double max = 0;
        for (Map.Entry<String, float[]> other : centroids.entrySet()) {
            if (!other.getKey().equals(story.storyId)) {
                max = Math.max(max, Vectors.cosine(story.centroidSum, other.getValue()));
            }
        }
        return max;
    }
}
