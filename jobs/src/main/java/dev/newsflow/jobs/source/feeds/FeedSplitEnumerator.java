package dev.newsflow.jobs.source.feeds;

import dev.newsflow.jobs.functions.ingest.FeedSeed;
import dev.newsflow.schemas.FeedAction;
import dev.newsflow.schemas.FeedCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.util.FlinkRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the feed list: seeds it once from the initial list, follows the control topic to add and
 * remove feeds at run time, and hands each feed to the reader that owns its host ({@link
 * FeedAssignment}). Removal is pushed to the owning reader as {@link FeedsRemoved}; a reader that
 * (re-)registers first receives {@link ActiveFeeds} so that it drops what was removed while it was
 * down. The control offsets are checkpointed with the feed list they produced, so a restore
 * re-applies exactly the commands after the checkpoint.
 */
public final class FeedSplitEnumerator implements SplitEnumerator<FeedSplit, FeedEnumeratorState> {

    private static final Logger LOG = LoggerFactory.getLogger(FeedSplitEnumerator.class);

    private final SplitEnumeratorContext<FeedSplit> context;
    private final List<FeedSeed> initialFeeds;
    private final FeedControl.Factory controlFactory;
    private final Duration controlPollInterval;
    private final Map<Integer, Long> startOffsets;
    private final Map<String, FeedEnumeratorState.ActiveFeed> active;
    private final Map<String, FeedSplit> pending = new LinkedHashMap<>();
    private final Map<Integer, Long> controlOffsets;
    private long nextGeneration;
    private boolean seeded;
    private volatile boolean closed;
    private volatile FeedControl control;

    /**
     * @param controlFactory the control topic, or null to poll only the initial feeds
     */
    public FeedSplitEnumerator(
            SplitEnumeratorContext<FeedSplit> context,
            List<FeedSeed> initialFeeds,
            FeedControl.Factory controlFactory,
            Duration controlPollInterval,
            FeedEnumeratorState state) {
        this.context = context;
        this.initialFeeds = List.copyOf(initialFeeds);
        this.controlFactory = controlFactory;
        this.controlPollInterval = controlPollInterval;
        this.startOffsets = Map.copyOf(state.controlOffsets());
        this.controlOffsets = new HashMap<>(state.controlOffsets());
        this.active = new LinkedHashMap<>(state.active());
        state.pending().forEach(split -> pending.put(split.splitId(), split));
        this.nextGeneration = state.nextGeneration();
        this.seeded = state.seeded();
    }

    @Override
    public void start() {
        context.metricGroup().gauge("activeFeeds", active::size);
        if (!seeded) {
            initialFeeds.forEach(this::add);
            seeded = true;
            LOG.info("Seeded {} feeds from the initial feed list", initialFeeds.size());
        }
        assignPending();
        if (controlFactory != null) {
            long period = controlPollInterval.toMillis();
            context.callAsync(this::pollControl, this::applyControl, 0, period);
        }
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        // Splits are pushed to their owners; readers never ask.
    }

    @Override
    public void addSplitsBack(List<FeedSplit> splits, int subtaskId) {
        for (FeedSplit split : splits) {
            FeedEnumeratorState.ActiveFeed feed = active.get(split.feedUrl());
            if (feed != null && feed.splitId().equals(split.splitId())) {
                pending.put(split.splitId(), split);
            }
        }
        assignPending();
    }

    @Override
    public void addReader(int subtaskId) {
        List<String> ids = new ArrayList<>();
        active.values().forEach(feed -> ids.add(feed.splitId()));
        context.sendEventToSourceReader(subtaskId, new ActiveFeeds(Set.copyOf(ids)));
        assignPending();
    }

    @Override
    public FeedEnumeratorState snapshotState(long checkpointId) {
        return new FeedEnumeratorState(
                seeded, nextGeneration, active, new ArrayList<>(pending.values()), controlOffsets);
    }

    @Override
    public void close() {
        closed = true;
        FeedControl current = control;
        if (current != null) {
            current.close();
        }
    }

    /** Runs in the coordinator's worker thread. */
    private ControlBatch pollControl() {
        if (closed) {
            return ControlBatch.EMPTY;
        }
        if (control == null) {
            control = controlFactory.open(startOffsets);
            if (closed) {
                control.close();
                return ControlBatch.EMPTY;
            }
        }
        return control.poll();
    }

    /** Runs in the coordinator thread, like snapshotState: offsets and feed list move together. */
    private void applyControl(ControlBatch batch, Throwable error) {
        if (error != null) {
            throw new FlinkRuntimeException("Reading the feed control topic failed", error);
        }
        batch.commands().forEach(this::apply);
        controlOffsets.putAll(batch.nextOffsets());
        assignPending();
    }

    private void apply(FeedCommand command) {
        String url = command.getFeedUrl().trim();
        if (command.getAction() == FeedAction.REMOVE) {
            remove(url);
        } else if (active.containsKey(url)) {
            LOG.info("Feed {} is already polled; ADD ignored", url);
        } else {
            add(FeedSeed.of(url, command.getSource()));
        }
    }

    private void add(FeedSeed seed) {
        FeedSplit split = FeedSplit.fresh(seed, nextGeneration++);
        active.put(
                seed.feedUrl(), new FeedEnumeratorState.ActiveFeed(split.splitId(), seed.source()));
        pending.put(split.splitId(), split);
        LOG.info("Feed {} added as split {}", seed.feedUrl(), split.splitId());
    }

    private void remove(String url) {
        FeedEnumeratorState.ActiveFeed feed = active.remove(url);
        if (feed == null) {
            LOG.info("Feed {} is not polled; REMOVE ignored", url);
            return;
        }
        LOG.info("Feed {} removed (split {})", url, feed.splitId());
        if (pending.remove(feed.splitId()) != null) {
            return;
        }
        int owner = FeedAssignment.ownerOf(url, context.currentParallelism());
        if (context.registeredReaders().containsKey(owner)) {
            context.sendEventToSourceReader(owner, new FeedsRemoved(List.of(feed.splitId())));
        }
        // Otherwise the owner is down; it learns of the removal from ActiveFeeds on return.
    }

    private void assignPending() {
        Set<Integer> readers = context.registeredReaders().keySet();
        int parallelism = context.currentParallelism();
        Map<Integer, List<FeedSplit>> assignment = new HashMap<>();
        for (Iterator<FeedSplit> it = pending.values().iterator(); it.hasNext(); ) {
            FeedSplit split = it.next();
            int owner = FeedAssignment.ownerOf(split.feedUrl(), parallelism);
            if (readers.contains(owner)) {
                assignment.computeIfAbsent(owner, k -> new ArrayList<>()).add(split);
                it.remove();
            }
        }
        if (!assignment.isEmpty()) {
            context.assignSplits(new SplitsAssignment<>(assignment));
        }
    }
}
