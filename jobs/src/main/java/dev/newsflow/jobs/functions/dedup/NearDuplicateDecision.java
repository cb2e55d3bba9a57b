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
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fan-in of the near-duplicate stage, keyed by article version: the article (first input) waits for
 * the verdicts of all {@code bands} band indexes (second input), in any order, then passes or
 * leaves as a {@link DuplicateKind#NEAR_DUPLICATE} duplicate of the best match. A processing-time
 * timer bounds the wait: when it fires the article is decided on the verdicts received so far and a
 * warning is logged. State is cleared and the timer deleted as soon as the article is decided.
 */
public final class NearDuplicateDecision
        extends KeyedCoProcessFunction<
                String, EnrichedArticle, NearDuplicateVerdict, EnrichedArticle> {

    private static final Logger LOG = LoggerFactory.getLogger(NearDuplicateDecision.class);

    private final int bands;
    private final Duration timeout;
    private final Clock clock;
    private transient ValueState<EnrichedArticle> article;
    private transient ValueState<DecisionProgress> progress;
    private transient Counter duplicates;
    private transient Counter timeouts;
    private transient Counter lateMatchesMissed;

    public NearDuplicateDecision(int bands, Duration timeout, Clock clock) {
        this.bands = bands;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public void open(OpenContext openContext) {
        article =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("article", EnrichedArticle.class));
        progress =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("progress", DecisionProgress.class));
        duplicates = getRuntimeContext().getMetricGroup().counter("duplicates");
        timeouts = getRuntimeContext().getMetricGroup().counter("decisionTimeouts");
        lateMatchesMissed = getRuntimeContext().getMetricGroup().counter("lateMatchesMissed");
    }

    @Override
    public void processElement1(EnrichedArticle value, Context ctx, Collector<EnrichedArticle> out)
            throws Exception {
        if (article.value() != null) {
            // The very same version twice (same id, fetch time and crawl event): one is enough.
            ctx.output(
                    Duplicates.TAG,
                    Duplicates.of(value, value.getId(), DuplicateKind.SAME_URL, 1.0, clock));
            return;
        }
        article.update(value);
        DecisionProgress p = progressOrStart(ctx);
        if (p.verdicts >= bands) {
            decide(value, p, ctx, out);
        }
    }

    @Override
    public void processElement2(
            NearDuplicateVerdict verdict, Context ctx, Collector<EnrichedArticle> out)
            throws Exception {
        if (verdict.late && progress.value() == null) {
            // Its own verdict from this band came ahead of this notice on the same channel, so no
            // state means the copy was decided before its original reached the band: it stays
            // emitted, and the miss is counted.
            lateMatchesMissed.inc();
            return;
        }
        DecisionProgress p = progressOrStart(ctx);
        p.record(verdict);
        EnrichedArticle waiting = article.value();
        if (p.verdicts >= bands && waiting != null) {
            decide(waiting, p, ctx, out);
        } else {
            progress.update(p);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<EnrichedArticle> out)
            throws Exception {
        DecisionProgress p = progress.value();
        EnrichedArticle waiting = article.value();
        int received = p == null ? 0 : p.verdicts;
        if (waiting == null) {
            LOG.warn(
                    "Near-duplicate verdicts for {} without their article after {}; dropping {}"
                            + " verdicts",
                    ctx.getCurrentKey(),
                    timeout,
                    received);
            clear();
            return;
        }
        timeouts.inc();
        LOG.warn(
                "Near-duplicate decision for article {} ({}) timed out after {} with {} of {} band"
                        + " verdicts; deciding on those",
                waiting.getId(),
                waiting.getUrl(),
                timeout,
                received,
                bands);
        decide(waiting, p == null ? new DecisionProgress() : p, ctx, out);
    }

    private DecisionProgress progressOrStart(Context ctx) throws Exception {
        DecisionProgress p = progress.value();
        if (p == null) {
            p =
                    DecisionProgress.until(
                            ctx.timerService().currentProcessingTime() + timeout.toMillis());
            ctx.timerService().registerProcessingTimeTimer(p.deadline);
            progress.update(p);
        }
        return p;
    }

    private void decide(
            EnrichedArticle value,
            DecisionProgress p,
            KeyedCoProcessFunction<String, EnrichedArticle, NearDuplicateVerdict, EnrichedArticle>
                            .Context
                    ctx,
            Collector<EnrichedArticle> out) {
        ctx.timerService().deleteProcessingTimeTimer(p.deadline);
        clear();
        if (p.isDuplicate()) {
            duplicates.inc();
            ctx.output(
                    Duplicates.TAG,
                    Duplicates.of(
                            value,
                            p.bestMatchId,
                            DuplicateKind.NEAR_DUPLICATE,
                            p.bestSimilarity,
                            clock));
        } else {
            out.collect(value);
        }
    }

    private void clear() {
        article.clear();
        progress.clear();
    }
}
