package dev.newsflow.jobs.source.feeds;

import dev.newsflow.jobs.functions.ingest.FeedEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reader of feed splits: one fetcher thread ({@link FeedSplitReader}) polls, the task thread
 * ({@link FeedRecordEmitter}) applies and emits. Removal events from the enumerator are passed to
 * the fetcher, which reports the splits finished; only then do they leave the reader's state.
 */
final class FeedSourceReader
        extends SingleThreadMultiplexSourceReaderBase<
                PollResult, FeedEvent, FeedSplit, FeedSplitState> {

    private static final Logger LOG = LoggerFactory.getLogger(FeedSourceReader.class);

    private final RemovalRequests removals;
    private final int maxSeenIds;
    private final Set<String> assigned = new HashSet<>();

    FeedSourceReader(
            Supplier<SplitReader<PollResult, FeedSplit>> splitReaders,
            RemovalRequests removals,
            int maxSeenIds,
            SourceReaderContext context) {
        super(
                splitReaders,
                new FeedRecordEmitter(context.metricGroup()),
                context.getConfiguration(),
                context);
        this.removals = removals;
        this.maxSeenIds = maxSeenIds;
        context.metricGroup().gauge("assignedFeeds", assigned::size);
    }

    @Override
    public void addSplits(List<FeedSplit> splits) {
        splits.forEach(split -> assigned.add(split.splitId()));
        super.addSplits(splits);
    }

    @Override
    public void handleSourceEvents(SourceEvent event) {
        if (event instanceof FeedsRemoved removed) {
            List<String> held = new ArrayList<>(removed.splitIds());
            held.retainAll(assigned);
            removals.request(held);
        } else if (event instanceof ActiveFeeds active) {
            List<String> stale = new ArrayList<>(assigned);
            stale.removeAll(active.splitIds());
            if (!stale.isEmpty()) {
                LOG.info(
                        "Dropping {} feeds removed while this reader was down: {}",
                        stale.size(),
                        stale);
            }
            removals.request(stale);
        } else {
            super.handleSourceEvents(event);
        }
    }

    @Override
    protected void onSplitFinished(Map<String, FeedSplitState> finished) {
        assigned.removeAll(finished.keySet());
        LOG.info("Stopped polling {}", finished.keySet());
    }

    @Override
    protected FeedSplitState initializedState(FeedSplit split) {
        return new FeedSplitState(split, maxSeenIds);
    }

    @Override
    protected FeedSplit toSplitType(String splitId, FeedSplitState state) {
        return state.toSplit();
    }
}
