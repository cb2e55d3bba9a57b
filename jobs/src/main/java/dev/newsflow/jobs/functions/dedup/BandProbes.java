package dev.newsflow.jobs.functions.dedup;

import dev.newsflow.schemas.EnrichedArticle;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Fan-out of the near-duplicate stage: computes an article's MinHash signature and emits one {@link
 * BandProbe} per LSH band, each to be routed to the band index that owns its bucket.
 */
public final class BandProbes implements FlatMapFunction<EnrichedArticle, BandProbe> {

    private final MinHash minHash;
    private final LshBands bands;

    public BandProbes(MinHash minHash, LshBands bands) {
        if (bands.bands() * bands.rows() > minHash.numHashes()) {
            throw new IllegalArgumentException(
                    bands + " needs more than the " + minHash.numHashes() + " MinHash values");
        }
        this.minHash = minHash;
        this.bands = bands;
    }

    @Override
    public void flatMap(EnrichedArticle article, Collector<BandProbe> out) {
        int[] signature = minHash.signature(article.getText());
        long fetchedAt = article.getFetchedAt().toEpochMilli();
        for (int band = 0; band < bands.bands(); band++) {
            out.collect(
                    new BandProbe(
                            bands.key(band, signature),
                            article.getId(),
                            fetchedAt,
                            article.getCrawlEventId(),
                            signature));
        }
    }
}
