package dev.newsflow.jobs.source.feeds;

import dev.newsflow.jobs.functions.ingest.DiscoveredItem;
import dev.newsflow.jobs.functions.ingest.FeedEvent;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.connector.base.source.reader.RecordEmitter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task-thread side of a poll: applies the {@link PollResult} to the feed's checkpointed state,
 * then emits the new items and the feed's health. Both happen in one call, between two checkpoint
 * barriers, so a checkpoint holds a feed's seen items exactly when it holds their emission.
 */
final class FeedRecordEmitter implements RecordEmitter<PollResult, FeedEvent, FeedSplitState> {

    private static final Logger LOG = LoggerFactory.getLogger(FeedRecordEmitter.class);

    private final Counter itemsDiscovered;
    private final Counter itemsWithoutLink;
    private final Counter pollsFailed;

    FeedRecordEmitter(MetricGroup metrics) {
        this.itemsDiscovered = metrics.counter("itemsDiscovered");
        this.itemsWithoutLink = metrics.counter("itemsWithoutLink");
        this.pollsFailed = metrics.counter("pollsFailed");
    }

    @Override
    public void emitRecord(PollResult result, SourceOutput<FeedEvent> output, FeedSplitState feed) {
        feed.apply(result);
        for (DiscoveredItem item : result.newItems()) {
            output.collect(FeedEvent.of(item));
        }
        output.collect(FeedEvent.of(feed.health(result)));
        itemsDiscovered.inc(result.newItems().size());
        if (result.skippedItems() > 0) {
            itemsWithoutLink.inc(result.skippedItems());
            LOG.info(
                    "Feed {}: {} items without an http(s) link skipped",
                    feed.feedUrl(),
                    result.skippedItems());
        }
        if (!result.succeeded()) {
            pollsFailed.inc();
            LOG.warn(
                    "Feed {}: {} ({} in a row), next poll at {}: {}",
                    feed.feedUrl(),
                    result.outcome(),
                    feed.consecutiveFailures(),
                    result.nextPollAt(),
                    result.error());
        }
    }
}
