package dev.newsflow.jobs.source.feeds;

import dev.newsflow.jobs.functions.feeds.FeedItem;
import dev.newsflow.jobs.functions.ingest.DiscoveredItem;
import dev.newsflow.jobs.functions.ingest.FeedResponse;
import dev.newsflow.jobs.functions.ingest.ItemKeys;
import dev.newsflow.jobs.functions.ingest.PollSchedule;
import dev.newsflow.schemas.PollOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns what a poller returned into a {@link PollResult} for one feed: new items (canonical links,
 * de-duplicated against the feed's seen fingerprints and within the document), the outcome, and the
 * next poll time from the {@link PollSchedule}. Pure: the same state and response always give the
 * same result, which is what lets two copies of the state stay identical.
 */
public final class PollResults {

    /** Errors longer than this are cut: they travel in state and on feeds.health. */
    static final int MAX_ERROR_CHARS = 1_000;

    private PollResults() {}

    public static PollResult of(
            FeedSplitState feed,
            FeedResponse response,
            Instant now,
            PollSchedule schedule,
            int maxSeenIds) {
        int failures = feed.consecutiveFailures() + 1;
        if (response instanceof FeedResponse.Items items) {
            return items(feed, items, now, schedule, maxSeenIds);
        }
        if (response instanceof FeedResponse.NotModified) {
            Instant next = schedule.afterSuccess(feed.recentItemTimes(), now);
            return result(PollOutcome.NOT_MODIFIED, null, now, next, feed);
        }
        if (response instanceof FeedResponse.Throttled throttled) {
            Instant next = schedule.afterThrottle(failures, throttled.retryAfter(), now);
            return result(PollOutcome.THROTTLED, throttled.reason(), now, next, feed);
        }
        if (response instanceof FeedResponse.Rejected rejected) {
            Instant next = schedule.afterFailure(failures, now);
            return result(PollOutcome.REJECTED, rejected.reason(), now, next, feed);
        }
        String reason = ((FeedResponse.Failed) response).reason();
        return result(PollOutcome.FAILED, reason, now, schedule.afterFailure(failures, now), feed);
    }

    private static PollResult items(
            FeedSplitState feed,
            FeedResponse.Items response,
            Instant now,
            PollSchedule schedule,
            int maxSeenIds) {
        List<DiscoveredItem> fresh = new ArrayList<>();
        List<Long> present = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        Set<Long> inDocument = new HashSet<>();
        int skipped = 0;
        // Two fingerprints per item: considering at most half the memory's worth of items keeps
        // every item still in the feed remembered, however long the feed is.
        List<FeedItem> items = response.items();
        for (FeedItem item : items.subList(0, Math.min(items.size(), maxSeenIds / 2))) {
            String link = ItemKeys.canonicalLink(feed.feedUrl(), item.link());
            List<Long> keys = ItemKeys.fingerprints(item.guid(), link);
            boolean known = keys.stream().anyMatch(k -> feed.seen(k) || inDocument.contains(k));
            present.addAll(keys);
            inDocument.addAll(keys);
            if (known) {
                continue;
            }
            if (link == null) {
                skipped++;
                continue;
            }
            fresh.add(
                    new DiscoveredItem(
                            feed.feedUrl(),
                            link,
                            item.title(),
                            item.summary(),
                            item.published(),
                            feed.source(),
                            now));
            Instant published = item.published();
            times.add(published == null || published.isAfter(now) ? now : published);
        }
        List<Instant> recent = new ArrayList<>(feed.recentItemTimes());
        recent.addAll(times);
        recent.sort(null);
        recent =
                recent.subList(
                        Math.max(0, recent.size() - FeedSplitState.RECENT_ITEMS), recent.size());
        return new PollResult(
                fresh.isEmpty() ? PollOutcome.NO_NEW_ITEMS : PollOutcome.NEW_ITEMS,
                fresh,
                present,
                times,
                skipped,
                response.etag(),
                response.lastModified(),
                null,
                now,
                schedule.afterSuccess(recent, now));
    }

    private static PollResult result(
            PollOutcome outcome, String error, Instant now, Instant next, FeedSplitState feed) {
        return new PollResult(
                outcome,
                List.of(),
                List.of(),
                List.of(),
                0,
                feed.etag(),
                feed.lastModified(),
                error == null ? null : truncate(error),
                now,
                next);
    }

    private static String truncate(String error) {
        return error.length() <= MAX_ERROR_CHARS ? error : error.substring(0, MAX_ERROR_CHARS);
    }
}
