package dev.newsflow.jobs.functions.dedup;

import java.util.Comparator;
import java.util.Objects;

/**
 * One article in one LSH band: sent to the band index under {@link #bandKey}, answered there with a
 * {@link NearDuplicateVerdict}, then kept as a member of that band's bucket. Carries the article's
 * order key ({@link #fetchedAt}, {@link #crawlEventId}, {@link #articleId}) and its full signature.
 * A Flink POJO (public fields, no-arg constructor), serialized without Kryo.
 */
public class BandProbe {

    /**
     * The total order of article versions: the earlier fetch first, then the crawl event id, then
     * the article id. Of two near-duplicates only the later can be dropped, whatever the order in
     * which the band index sees them.
     */
    public static final Comparator<BandProbe> ORDER =
            Comparator.comparingLong((BandProbe p) -> p.fetchedAt)
                    .thenComparing(p -> Objects.requireNonNullElse(p.crawlEventId, ""))
                    .thenComparing(p -> p.articleId);

    public long bandKey;
    public String articleId;
    public long fetchedAt;
    public String crawlEventId;
    public int[] signature;

    public BandProbe() {}

    public BandProbe(
            long bandKey, String articleId, long fetchedAt, String crawlEventId, int[] signature) {
        this.bandKey = bandKey;
        this.articleId = articleId;
        this.fetchedAt = fetchedAt;
        this.crawlEventId = crawlEventId;
        this.signature = signature;
    }

    /** Whether this version comes before {@code other} in {@link #ORDER}. */
    public boolean isEarlierThan(BandProbe other) {
        return ORDER.compare(this, other) < 0;
    }

    /** The key the decision stage meets this probe's verdict and its article under. */
    public String versionKey() {
        return DedupKeys.version(articleId, fetchedAt, crawlEventId);
    }

    @Override
    public String toString() {
        return "probe " + versionKey() + " in bucket " + Long.toHexString(bandKey);
    }
}
