package dev.newsflow.jobs.functions.persona;

import dev.newsflow.jobs.functions.DeadLetters;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.Interaction;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins interactions with their article's embedding, keyed by article id: articles from {@code
 * news.enriched} are kept in keyed state (embedding and title, with a TTL); an interaction whose
 * article is known leaves at once with the embedding, one whose article has not arrived waits in
 * state until it does. Waiting is bounded: at most {@code maxWaiting} interactions per article and
 * at most {@code maxWait} (processing time) each; beyond either, the interaction is dead-lettered
 * with the reason. Nothing vanishes. See docs/personas.md for why state and not a lookup.
 */
public final class JoinArticleEmbeddings
        extends KeyedCoProcessFunction<String, Interaction, EnrichedArticle, ArticleInteraction> {

    public static final String STAGE = "persona-join";
    private static final Logger LOG = LoggerFactory.getLogger(JoinArticleEmbeddings.class);

    private final Duration articleTtl;
    private final int maxWaiting;
    private final Duration maxWait;
    private transient ValueState<ArticleVector> article;
    private transient ListState<WaitingInteraction> waiting;
    private transient Counter joined;
    private transient Counter waited;
    private transient Counter deadLettered;

    public JoinArticleEmbeddings(Duration articleTtl, int maxWaiting, Duration maxWait) {
        this.articleTtl = articleTtl;
        this.maxWaiting = maxWaiting;
        this.maxWait = maxWait;
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<ArticleVector> articleState =
                new ValueStateDescriptor<>("article", TypeInformation.of(ArticleVector.class));
        // Read-and-write: an article people keep reacting to stays; a forgotten one expires.
        articleState.enableTimeToLive(
                StateTtlConfig.newBuilder(articleTtl)
                        .setUpdateType(StateTtlConfig.UpdateType.OnReadAndWrite)
                        .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                        .cleanupFullSnapshot()
                        .cleanupInRocksdbCompactFilter(1_000)
                        .build());
        article = getRuntimeContext().getState(articleState);
        waiting =
                getRuntimeContext()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "waiting", TypeInformation.of(WaitingInteraction.class)));
        var metrics = getRuntimeContext().getMetricGroup().addGroup("persona");
        joined = metrics.counter("joined");
        waited = metrics.counter("waitedForArticle");
        deadLettered = metrics.counter("deadLettered");
    }

    @Override
    public void processElement1(
            Interaction interaction, Context ctx, Collector<ArticleInteraction> out)
            throws Exception {
        ArticleVector known = article.value();
        if (known != null) {
            joined.inc();
            out.collect(ArticleInteraction.of(interaction, known));
            return;
        }
        List<WaitingInteraction> queue = waitingNow();
        if (queue.size() >= maxWaiting) {
            deadLetter(
                    ctx,
                    interaction,
                    "article "
                            + interaction.getArticleId()
                            + " not enriched: "
                            + queue.size()
                            + " interactions already waiting");
            return;
        }
        long now = ctx.timerService().currentProcessingTime();
        waiting.add(new WaitingInteraction(interaction, now));
        ctx.timerService().registerProcessingTimeTimer(now + maxWait.toMillis());
    }

    @Override
    public void processElement2(
            EnrichedArticle enriched, Context ctx, Collector<ArticleInteraction> out)
            throws Exception {
        if (enriched.getEmbedding().isEmpty()) {
            // Not enriched after all: its interactions keep waiting and are dead-lettered in time.
            LOG.warn("Article {} has no embedding; not joined", enriched.getId());
            return;
        }
        ArticleVector vector = ArticleVector.of(enriched);
        article.update(vector);
        for (WaitingInteraction w : waitingNow()) {
            ctx.timerService().deleteProcessingTimeTimer(w.since() + maxWait.toMillis());
            waited.inc();
            joined.inc();
            out.collect(ArticleInteraction.of(w.interaction(), vector));
        }
        waiting.clear();
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ArticleInteraction> out)
            throws Exception {
        List<WaitingInteraction> stillWaiting = new ArrayList<>();
        for (WaitingInteraction w : waitingNow()) {
            if (w.since() + maxWait.toMillis() <= timestamp) {
                deadLetter(
                        ctx,
                        w.interaction(),
                        "article "
                                + w.interaction().getArticleId()
                                + " not enriched within "
                                + readable(maxWait));
            } else {
                stillWaiting.add(w);
            }
        }
        if (stillWaiting.isEmpty()) {
            waiting.clear();
        } else {
            waiting.update(stillWaiting);
        }
    }

    private List<WaitingInteraction> waitingNow() throws Exception {
        List<WaitingInteraction> list = new ArrayList<>();
        Iterable<WaitingInteraction> stored = waiting.get();
        if (stored != null) {
            stored.forEach(list::add);
        }
        return list;
    }

    private void deadLetter(Context ctx, Interaction interaction, String reason) {
        LOG.warn(
                "Dead-lettering interaction {} of user {}: {}",
                interaction.getEventId(),
                interaction.getUserId(),
                reason);
        deadLettered.inc();
        ctx.output(
                DeadLetters.TAG,
                DeadLetters.ofInteraction(interaction, STAGE, reason, Clock.systemUTC()));
    }

    /** "10 min", "30 s" or "250 ms": the reason is read by people. */
    static String readable(Duration d) {
        long ms = d.toMillis();
        if (ms % 60_000 == 0) {
            return ms / 60_000 + " min";
        }
        return ms % 1_000 == 0 ? ms / 1_000 + " s" : ms + " ms";
    }
}
