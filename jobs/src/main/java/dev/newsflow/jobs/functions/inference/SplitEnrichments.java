package dev.newsflow.jobs.functions.inference;

import dev.newsflow.jobs.functions.DeadLetters;
import dev.newsflow.schemas.EnrichedArticle;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/** Enriched articles to the main output, dead letters to {@link DeadLetters#TAG}. */
public final class SplitEnrichments extends ProcessFunction<Enrichment, EnrichedArticle> {

    @Override
    public void processElement(Enrichment value, Context ctx, Collector<EnrichedArticle> out) {
        if (value.article != null) {
            out.collect(value.article);
        } else {
            ctx.output(DeadLetters.TAG, value.deadLetter);
        }
    }
}
