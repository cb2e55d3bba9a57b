package dev.newsflow.jobs.source.feeds;

import dev.newsflow.jobs.functions.ingest.FeedPoller;
import dev.newsflow.jobs.functions.ingest.FeedRequest;
import dev.newsflow.jobs.functions.ingest.FeedResponse;
import dev.newsflow.jobs.functions.ingest.HostSchedule;
import dev.newsflow.jobs.functions.ingest.ItemKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.flink.annotation.VisibleForTesting;
import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fetcher-thread side of a reader: polls the feeds that are due, at most {@code
 * pollConcurrency} at a time, one at a time per host with a pause between requests to a host, and
 * hands each outcome on as a {@link PollResult}. Between polls it sleeps until the next feed is
 * due, a poll completes, a split is removed, or Flink wakes it up.
 */
final class FeedSplitReader implements SplitReader<PollResult, FeedSplit> {

    private static final Logger LOG = LoggerFactory.getLogger(FeedSplitReader.class);
    private static final Duration MAX_SLEEP = Duration.ofSeconds(30);
    private static final Object WAKE_UP = new Object();

    private final FeedPoller poller;
    private final FeedSourceSettings settings;
    private final RemovalRequests removals;
    private final Clock clock;
    private final Map<String, FeedSplitState> feeds = new HashMap<>();
    private final Set<String> inFlight = new HashSet<>();
    private final HostSchedule hosts;
    private final ExecutorService pool;
    private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();

    /** A finished poll on its way back from a pool thread. */
    private record Completion(String splitId, String host, FeedResponse response) {}

    FeedSplitReader(
            FeedPoller poller, FeedSourceSettings settings, RemovalRequests removals, Clock clock) {
        this.poller = poller;
        this.settings = settings;
        this.removals = removals;
        this.clock = clock;
        this.hosts = new HostSchedule(settings.hostDelay());
        this.pool = Executors.newFixedThreadPool(settings.pollConcurrency(), daemonThreads());
        removals.onRequest(this::wakeUp);
    }

    @Override
    public RecordsWithSplitIds<PollResult> fetch() {
        RecordsBySplits.Builder<PollResult> out = new RecordsBySplits.Builder<>();
        while (true) {
            boolean ready = false;
            for (String splitId : removals.takeMatching(feeds.keySet())) {
                feeds.remove(splitId);
                out.addFinishedSplit(splitId);
                ready = true;
            }
            for (Object signal = inbox.poll(); signal != null; signal = inbox.poll()) {
                ready |= handle(signal, out);
            }
            if (ready) {
                return out.build();
            }
            Instant now = now();
            Instant next = launchDue(now);
            try {
                Object signal =
                        inbox.poll(
                                Math.max(1, now.until(next, ChronoUnit.MILLIS)),
                                TimeUnit.MILLISECONDS);
                if (signal != null && handle(signal, out)) {
                    return out.build();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return out.build();
            }
        }
    }

    @Override
    public void handleSplitsChanges(SplitsChange<FeedSplit> change) {
        if (change instanceof SplitsAddition) {
            for (FeedSplit split : change.splits()) {
                feeds.put(split.splitId(), new FeedSplitState(split, settings.maxSeenIds()));
            }
        } else {
            change.splits().forEach(split -> feeds.remove(split.splitId()));
        }
    }

    @Override
    public void wakeUp() {
        inbox.offer(WAKE_UP);
    }

    @Override
    public void close() {
        pool.shutdownNow();
        poller.close();
    }

    /** Whether a poll of the split is in flight (for tests of the scheduling). */
    @VisibleForTesting
    boolean polling(String splitId) {
        return inFlight.contains(splitId);
    }

    /** Returns true when the fetch should return now (a result, or a wake-up). */
    private boolean handle(Object signal, RecordsBySplits.Builder<PollResult> out) {
        if (signal == WAKE_UP) {
            return true;
        }
        Completion done = (Completion) signal;
        Instant now = now();
        inFlight.remove(done.splitId());
        hosts.release(done.host(), now);
        if (done.response() instanceof FeedResponse.Throttled throttled) {
            Duration wait =
                    throttled.retryAfter() == null
                            ? settings.schedule().min()
                            : throttled.retryAfter();
            hosts.blockUntil(done.host(), now.plus(min(wait, settings.schedule().max())));
        }
        FeedSplitState feed = feeds.get(done.splitId());
        if (feed == null) {
            return false; // removed while its poll was in flight
        }
        PollResult result =
                PollResults.of(
                        feed, done.response(), now, settings.schedule(), settings.maxSeenIds());
        feed.apply(result);
        out.add(done.splitId(), result);
        return true;
    }

    /** Starts the polls that are due and allowed; returns when the next one could start. */
    private Instant launchDue(Instant now) {
        Instant next = now.plus(MAX_SLEEP);
        List<FeedSplitState> due = new ArrayList<>();
        for (FeedSplitState feed : feeds.values()) {
            if (inFlight.contains(feed.splitId())) {
                continue;
            }
            if (feed.nextPollAt().isAfter(now)) {
                next = earlier(next, feed.nextPollAt());
            } else {
                due.add(feed);
            }
        }
        due.sort(Comparator.comparing(FeedSplitState::nextPollAt));
        for (FeedSplitState feed : due) {
            if (inFlight.size() >= settings.pollConcurrency()) {
                break; // a completion wakes us up
            }
            String host = ItemKeys.host(feed.feedUrl());
            Instant hostReady = hosts.readyAt(host);
            if (hostReady != null && hostReady.isAfter(now)) {
                next = earlier(next, hostReady);
            } else if (hosts.tryAcquire(host, now)) {
                start(feed, host);
            }
        }
        hosts.prune(now);
        return next;
    }

    private void start(FeedSplitState feed, String host) {
        FeedRequest request = new FeedRequest(feed.feedUrl(), feed.etag(), feed.lastModified());
        String splitId = feed.splitId();
        inFlight.add(splitId);
        try {
            pool.execute(() -> inbox.add(new Completion(splitId, host, pollSafely(request))));
        } catch (RejectedExecutionException e) {
            LOG.debug("Poll of {} not started: reader is closing", request.feedUrl());
        }
    }

    private FeedResponse pollSafely(FeedRequest request) {
        try {
            FeedResponse response = poller.poll(request);
            return response != null ? response : new FeedResponse.Failed("poller returned nothing");
        } catch (RuntimeException e) {
            LOG.warn("Polling {} failed unexpectedly", request.feedUrl(), e);
            return new FeedResponse.Failed("unexpected " + e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "feed-poller");
            thread.setDaemon(true);
            return thread;
        };
    }
}
