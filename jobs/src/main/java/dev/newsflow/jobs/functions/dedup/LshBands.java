package dev.newsflow.jobs.functions.dedup;

import java.io.Serializable;

/**
 * Locality-sensitive hashing over MinHash signatures: the first {@code bands × rows} positions are
 * cut into {@code bands} bands of {@code rows}; two signatures are candidates when all rows of at
 * least one band agree, which happens with probability {@code 1 - (1 - J^rows)^bands} for Jaccard
 * similarity {@code J}. A band key hashes the band's index with its rows, so equal keys mean (up to
 * a 64-bit collision) the same band with the same values.
 */
public record LshBands(int bands, int rows) implements Serializable {

    private static final long BAND_SEED = 0x62616e64L; // "band"

    public LshBands {
        if (bands < 1 || rows < 1) {
            throw new IllegalArgumentException(
                    "need bands >= 1 and rows >= 1, got " + bands + " and " + rows);
        }
    }

    /** The key of band {@code band} of {@code signature}. */
    public long key(int band, int[] signature) {
        if (band < 0 || band >= bands) {
            throw new IllegalArgumentException("band " + band + " of " + bands);
        }
        if (signature.length < bands * rows) {
            throw new IllegalArgumentException(
                    "signature of " + signature.length + " values for " + bands + " × " + rows);
        }
        long h = MinHash.mix(BAND_SEED + band);
        for (int r = band * rows, end = r + rows; r < end; r++) {
            h = MinHash.mix(h ^ (signature[r] & 0xffffffffL));
        }
        return h;
    }

    /** The keys of all bands, by band index. */
    public long[] keys(int[] signature) {
        long[] keys = new long[bands];
        for (int band = 0; band < bands; band++) {
            keys[band] = key(band, signature);
        }
        return keys;
    }

    /** Whether the two signatures meet in at least one band bucket (are LSH candidates). */
    public boolean shareBucket(int[] a, int[] b) {
        for (int band = 0; band < bands; band++) {
            if (key(band, a) == key(band, b)) {
                return true;
            }
        }
        return false;
    }

    /** Probability that two texts of Jaccard similarity {@code j} become candidates. */
    public double candidateProbability(double j) {
        return 1 - Math.pow(1 - Math.pow(j, rows), bands);
    }
}
