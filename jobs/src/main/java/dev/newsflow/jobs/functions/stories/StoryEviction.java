package dev.newsflow.jobs.functions.stories;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Keeps a shard's active stories under the cap by dropping the least recently seen ones. */
public final class StoryEviction {

    private static final Comparator<Map.Entry<String, Long>> LEAST_RECENT =
            Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey());

    private StoryEviction() {}

    /** The ids to drop so that at most {@code cap} remain: oldest latest article first. */
    public static List<String> overCap(Map<String, Long> lastSeenById, int cap) {
        int excess = lastSeenById.size() - cap;
        if (excess <= 0) {
            return List.of();
        }
        return lastSeenById.entrySet().stream()
                .sorted(LEAST_RECENT)
                .limit(excess)
                .map(Map.Entry::getKey)
                .toList();
    }
}
