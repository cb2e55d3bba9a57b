package dev.newsflow.jobs.functions.ingest;

import dev.newsflow.schemas.FeedHealth;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Separates the feed source's stream: items go on, feed health goes to the {@link #HEALTH} side.
 */
public final class SplitFeedEvents extends ProcessFunction<FeedEvent, DiscoveredItem> {

    public static final OutputTag<FeedHealth> HEALTH = new OutputTag<>("feed-health") {};

    @Override
    public void processElement(FeedEvent event, Context ctx, Collector<DiscoveredItem> out) {
        if (event.isItem()) {
            out.collect(event.item());
        } else {
            ctx.output(HEALTH, event.health());
        }
    }
}
