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
 * Exact dedup by URL, keyed by article id: sets each article's content hash and drops it as a
 * {@link DuplicateKind#SAME_URL} duplicate when the last version emitted under its id had the same
 * hash (the page crawled again, unchanged). A changed text is an update and passes. State: one
 * content hash per id, kept {@code ttl} after its last write.
 */
public final class SameUrlFilter
        extends KeyedProcessFunction<String, EnrichedArticle, EnrichedArticle> {

    private final Duration ttl;
    private final Clock clock;
    private transient ValueState<String> emittedHash;
    private transient Counter duplicates;

    public SameUrlFilter(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<String> descriptor =
                new ValueStateDescriptor<>("emitted-content-hash", String.class);
        descriptor.enableTimeToLive(DedupState.ttl(ttl));
        emittedHash = getRuntimeContext().getState(descriptor);
        duplicates = getRuntimeContext().getMetricGroup().counter("duplicates");
    }

    @Override
    public void processElement(EnrichedArticle article, Context ctx, Collector<EnrichedArticle> out)
            throws Exception {
        String hash = ContentHashes.of(article.getText());
        EnrichedArticle hashed = EnrichedArticle.newBuilder(article).setContentHash(hash).build();
        if (hash.equals(emittedHash.value())) {
            duplicates.inc();
            ctx.output(
                    Duplicates.TAG,
                    Duplicates.of(hashed, article.getId(), DuplicateKind.SAME_URL, 1.0, clock));
            return;
        }
        emittedHash.update(hash);
        out.collect(hashed);
    }
}
