package dev.newsflow.query.pipeline;

import dev.newsflow.schemas.FeedHealth;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The feed table of the compacted {@code feeds.health} topic (latest poll outcome per feed URL)
 * summarised: feeds per outcome, new items in the latest polls, and the feeds failing longest.
 */
public final class FeedHealthSummary {

    /** Failing feeds listed by name; the counts cover all of them. */
    static final int FAILING_LISTED = 10;

    private FeedHealthSummary() {}

    /**
     * @param latest the latest health record of each feed
     * @param truncated whether the read stopped before the end of the topic
     */
    public static JsonObject of(Collection<FeedHealth> latest, boolean truncated) {
        Map<String, Integer> byOutcome = new TreeMap<>();
        long newItems = 0;
        long lastCheckedAt = 0;
        for (FeedHealth h : latest) {
            byOutcome.merge(h.getOutcome().name(), 1, Integer::sum);
            newItems += h.getNewItems();
            lastCheckedAt = Math.max(lastCheckedAt, h.getCheckedAt().toEpochMilli());
        }
        JsonArray failing = new JsonArray();
        latest.stream()
                .filter(h -> h.getConsecutiveFailures() > 0)
                .sorted(
                        Comparator.comparingInt(FeedHealth::getConsecutiveFailures)
                                .reversed()
                                .thenComparing(h -> h.getFeedUrl().toString()))
                .limit(FAILING_LISTED)
                .forEach(h -> failing.add(failingFeed(h)));
        return new JsonObject()
                .put("feeds", latest.size())
                .put(
                        "failingFeeds",
                        latest.stream().filter(h -> h.getConsecutiveFailures() > 0).count())
                .put("byOutcome", new JsonObject(Map.copyOf(byOutcome)))
                .put("newItemsLastPoll", newItems)
                .put(
                        "lastCheckedAt",
                        lastCheckedAt == 0 ? null : Instant.ofEpochMilli(lastCheckedAt).toString())
                .put("failing", failing)
                .put("truncated", truncated);
    }

    private static JsonObject failingFeed(FeedHealth h) {
        return new JsonObject()
                .put("feedUrl", h.getFeedUrl().toString())
                .put("outcome", h.getOutcome().name())
                .put("consecutiveFailures", h.getConsecutiveFailures())
                .put("lastError", h.getLastError() == null ? null : h.getLastError().toString())
                .put(
                        "lastSuccessAt",
                        h.getLastSuccessAt() == null ? null : h.getLastSuccessAt().toString())
                .put("checkedAt", h.getCheckedAt().toString());
    }
}
