package dev.newsflow.jobs.functions.dedup;

import dev.newsflow.jobs.config.DedupConfig;
import dev.newsflow.jobs.functions.Duplicates;
import dev.newsflow.schemas.DuplicateArticle;
import dev.newsflow.schemas.EnrichedArticle;
import java.time.Clock;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The dedup stages of the enrichment job, in order: same URL and same text ({@link SameUrlFilter}),
 * same text under another URL ({@link SameContentFilter}), then near-duplicates by MinHash/LSH,
 * fanned out to one probe per band ({@link BandProbes}), answered by the band indexes ({@link
 * NearDuplicateBands}) and fanned back in per article ({@link NearDuplicateDecision}). Every input
 * article ends either in {@link Result#survivors} or as exactly one record in {@link
 * Result#duplicates}. See docs/dedup.md.
 */
public final class Dedup {

    private Dedup() {}

    /** The articles that survived every stage, and the duplicates all stages dropped. */
    public record Result(
            SingleOutputStreamOperator<EnrichedArticle> survivors,
            DataStream<DuplicateArticle> duplicates) {}

    public static Result apply(DataStream<EnrichedArticle> articles, DedupConfig config) {
        return apply(articles, config, Clock.systemUTC());
    }

    /** As {@link #apply(DataStream, DedupConfig)}, with the clock duplicates are stamped by. */
    public static Result apply(
            DataStream<EnrichedArticle> articles, DedupConfig config, Clock clock) {
        SingleOutputStreamOperator<EnrichedArticle> urlUnique =
                articles.keyBy(DedupKeys::articleId, Types.STRING)
                        .process(new SameUrlFilter(config.urlTtl(), clock))
                        .uid("dedup-url")
                        .name("dedup: same URL, same text");
        SingleOutputStreamOperator<EnrichedArticle> contentUnique =
                urlUnique
                        .keyBy(DedupKeys::contentHash, Types.STRING)
                        .process(new SameContentFilter(config.contentTtl(), clock))
                        .uid("dedup-content")
                        .name("dedup: same text, other URL");

        LshBands bands = new LshBands(config.bands(), config.rows());
        SingleOutputStreamOperator<BandProbe> probes =
                contentUnique
                        .flatMap(
                                new BandProbes(
                                        new MinHash(config.numHashes(), config.shingleWords()),
                                        bands))
                        .uid("near-dup-probes")
                        .name("near-duplicates: MinHash, one probe per LSH band");
        SingleOutputStreamOperator<NearDuplicateVerdict> verdicts =
                probes.keyBy(probe -> probe.bandKey, Types.LONG)
                        .process(
                                new NearDuplicateBands(
                                        new NearDuplicateRule(bands, config.threshold()),
                                        config.bucketCap(),
                                        config.nearDuplicateTtl()))
                        .uid("near-dup-bands")
                        .name("near-duplicates: LSH band index");
        SingleOutputStreamOperator<EnrichedArticle> survivors =
                contentUnique
                        .connect(verdicts)
                        .keyBy(DedupKeys::version, verdict -> verdict.versionKey, Types.STRING)
                        .process(
                                new NearDuplicateDecision(
                                        config.bands(), config.decisionTimeout(), clock))
                        .uid("near-dup-decide")
                        .name("near-duplicates: decide per article");

        DataStream<DuplicateArticle> duplicates =
                urlUnique
                        .getSideOutput(Duplicates.TAG)
                        .union(
                                contentUnique.getSideOutput(Duplicates.TAG),
                                survivors.getSideOutput(Duplicates.TAG));
        return new Result(survivors, duplicates);
    }
}
