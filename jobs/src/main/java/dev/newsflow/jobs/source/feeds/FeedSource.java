package dev.newsflow.jobs.source.feeds;

import dev.newsflow.jobs.functions.ingest.FeedEvent;
import dev.newsflow.jobs.functions.ingest.FeedPoller;
import dev.newsflow.jobs.functions.ingest.FeedSeed;
import java.time.Clock;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.util.function.SerializableSupplier;

/**
 * RSS/Atom feeds as an unbounded FLIP-27 source whose splits are feeds. The enumerator owns the
 * feed list (an initial list, then the control topic); each reader polls the feeds of its hosts and
 * emits new items and feed health ({@link FeedEvent}). Feed state (validators, seen items, next
 * poll, failures) is checkpointed per split: a restore neither re-emits nor loses items. See
 * docs/feed-ingestion.md.
 */
public final class FeedSource
        implements Source<FeedEvent, FeedSplit, FeedEnumeratorState>,
                ResultTypeQueryable<FeedEvent> {

    private final List<FeedSeed> initialFeeds;
    private final FeedControl.Factory control;
    private final FeedSourceSettings settings;
    private final SerializableSupplier<FeedPoller> pollers;

    /**
     * @param initialFeeds feeds to start with on a fresh start (ignored on restore)
     * @param control the control topic, or null for a fixed feed list
     * @param pollers creates the poller of each reader
     */
    public FeedSource(
            List<FeedSeed> initialFeeds,
            FeedControl.Factory control,
            FeedSourceSettings settings,
            SerializableSupplier<FeedPoller> pollers) {
        this.initialFeeds = List.copyOf(initialFeeds);
        this.control = control;
        this.settings = settings;
        this.pollers = pollers;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SourceReader<FeedEvent, FeedSplit> createReader(SourceReaderContext context) {
        RemovalRequests removals = new RemovalRequests();
        return new FeedSourceReader(
                () -> new FeedSplitReader(pollers.get(), settings, removals, Clock.systemUTC()),
                removals,
                settings.maxSeenIds(),
                context);
    }

    @Override
    public SplitEnumerator<FeedSplit, FeedEnumeratorState> createEnumerator(
            SplitEnumeratorContext<FeedSplit> context) {
        return restoreEnumerator(context, FeedEnumeratorState.initial());
    }

    @Override
    public SplitEnumerator<FeedSplit, FeedEnumeratorState> restoreEnumerator(
            SplitEnumeratorContext<FeedSplit> context, FeedEnumeratorState state) {
        return new FeedSplitEnumerator(
                context, initialFeeds, control, settings.controlPollInterval(), state);
    }

    @Override
    public SimpleVersionedSerializer<FeedSplit> getSplitSerializer() {
        return FeedSplitSerializer.INSTANCE;
    }

    @Override
    public SimpleVersionedSerializer<FeedEnumeratorState> getEnumeratorCheckpointSerializer() {
        return new FeedEnumeratorStateSerializer();
    }

    @Override
    public TypeInformation<FeedEvent> getProducedType() {
        return TypeInformation.of(FeedEvent.class);
    }
}
