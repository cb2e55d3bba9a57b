package dev.newsflow.jobs.functions.dedup;

import dev.newsflow.jobs.functions.Duplicates;
import dev.newsflow.schemas.DuplicateKind;
import dev.newsflow.schemas.EnrichedArticle;
import java.time.Clock;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Exact dedup by content, keyed by content hash: the first article id seen with a text owns it; the
 * same text under another id (a syndicated copy, a mirror, a URL variant canonicalisation misses)
 * is a {@link DuplicateKind#SAME_CONTENT} duplicate of that first id. State: one id per hash, kept
 * {@code ttl} after it was first seen.
 */
public final class SameContentFilter
        extends KeyedProcessFunction<String, EnrichedArticle, EnrichedArticle> {

    private final Duration ttl;
    private final Clock clock;
    private transient ValueState<String> firstId;
    private transient Counter duplicates;

    public SameContentFilter(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<String> descriptor =
                new ValueStateDescriptor<>("first-article-id", String.class);
        descriptor.enableTimeToLive(DedupState.ttl(ttl));
        firstId = getRuntimeContext().getState(descriptor);
        duplicates = getRuntimeContext().getMetricGroup().counter("duplicates");
    }

    @Override
    public void processElement(EnrichedArticle article, Context ctx, Collector<EnrichedArticle> out)
            throws Exception {
        String owner = firstId.value();
        if (owner == null) {
            firstId.update(article.getId());
            out.collect(article);
        } else if (owner.equals(article.getId())) {
            // The same page again with a text it had before (e.g. an edit reverted): the URL stage
            // judged it an update, and an update must reach the index.
            out.collect(article);
        } else {
            duplicates.inc();
            ctx.output(
                    Duplicates.TAG,
                    Duplicates.of(article, owner, DuplicateKind.SAME_CONTENT, 1.0, clock));
        }
    }
}
