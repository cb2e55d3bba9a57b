package dev.newsflow.jobs.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.Map;

/**
 * How the enrichment job drops duplicates: how long each stage remembers what it saw, and the
 * MinHash/LSH parameters of the near-duplicate stage. The defaults were chosen with {@code
 * ./newsflow bench near-duplicates} (see docs/dedup.md).
 *
 * @param urlTtl how long the content hash of an article id is kept (same URL, same text)
 * @param contentTtl how long the first article id of a content hash is kept (same text elsewhere)
 * @param nearDuplicateTtl how long an article stays in the LSH band index
 * @param shingleWords words per shingle
 * @param numHashes MinHash signature length; similarity is estimated over all of it
 * @param bands LSH bands: each article is probed and indexed once per band
 * @param rows signature values per band; {@code bands × rows <= numHashes}
 * @param threshold estimated Jaccard similarity from which an article is a near-duplicate
 * @param bucketCap members kept per band bucket; the oldest is evicted beyond it
 * @param decisionTimeout how long an article waits for all band verdicts before it passes anyway
 */
public record DedupConfig(
        Duration urlTtl,
        Duration contentTtl,
        Duration nearDuplicateTtl,
        int shingleWords,
        int numHashes,
        int bands,
        int rows,
        double threshold,
        int bucketCap,
        Duration decisionTimeout)
        implements Serializable {

    public static final String URL_TTL_MS = "NEWSFLOW_DEDUP_URL_TTL_MS";
    public static final String CONTENT_TTL_MS = "NEWSFLOW_DEDUP_CONTENT_TTL_MS";
    public static final String NEAR_DUPLICATE_TTL_MS = "NEWSFLOW_DEDUP_NEAR_TTL_MS";
    public static final String SHINGLE_WORDS = "NEWSFLOW_DEDUP_SHINGLE_WORDS";
    public static final String HASHES = "NEWSFLOW_DEDUP_HASHES";
    public static final String BANDS = "NEWSFLOW_DEDUP_BANDS";
    public static final String ROWS = "NEWSFLOW_DEDUP_ROWS";
    public static final String THRESHOLD = "NEWSFLOW_DEDUP_THRESHOLD";
    public static final String BUCKET_CAP = "NEWSFLOW_DEDUP_BUCKET_CAP";
    public static final String DECISION_TIMEOUT_MS = "NEWSFLOW_DEDUP_DECISION_TIMEOUT_MS";

    /** Beyond this, signatures cost more state and network than any accuracy they buy. */
    public static final int MAX_HASHES = 1024;

    public DedupConfig {
        requirePositive(urlTtl, URL_TTL_MS);
        requirePositive(contentTtl, CONTENT_TTL_MS);
        requirePositive(nearDuplicateTtl, NEAR_DUPLICATE_TTL_MS);
        requirePositive(decisionTimeout, DECISION_TIMEOUT_MS);
        requireAtLeastOne(shingleWords, SHINGLE_WORDS);
        requireAtLeastOne(bands, BANDS);
        requireAtLeastOne(rows, ROWS);
        requireAtLeastOne(bucketCap, BUCKET_CAP);
        if (numHashes < 1 || numHashes > MAX_HASHES) {
            throw new IllegalArgumentException(
                    HASHES + " must be between 1 and " + MAX_HASHES + ", got " + numHashes);
        }
        if ((long) bands * rows > numHashes) {
            throw new IllegalArgumentException(
                    BANDS
                            + " × "
                            + ROWS
                            + " must not exceed "
                            + HASHES
                            + ", got "
                            + bands
                            + " × "
                            + rows
                            + " > "
                            + numHashes);
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException(THRESHOLD + " must be in (0, 1], got " + threshold);
        }
    }

    /** The defaults, chosen on the near-duplicate benchmark. */
    public static DedupConfig defaults() {
        return fromEnv(Map.of());
    }

    /** Reads the configuration from environment variables, falling back to the defaults. */
    public static DedupConfig fromEnv(Map<String, String> env) {
        return new DedupConfig(
                EnvValues.millis(env, URL_TTL_MS, Duration.ofDays(7)),
                EnvValues.millis(env, CONTENT_TTL_MS, Duration.ofDays(7)),
                EnvValues.millis(env, NEAR_DUPLICATE_TTL_MS, Duration.ofDays(3)),
                (int) EnvValues.number(env, SHINGLE_WORDS, 3),
                (int) EnvValues.number(env, HASHES, 128),
                (int) EnvValues.number(env, BANDS, 42),
                (int) EnvValues.number(env, ROWS, 3),
                EnvValues.decimal(env, THRESHOLD, 0.45),
                (int) EnvValues.number(env, BUCKET_CAP, 64),
                EnvValues.millis(env, DECISION_TIMEOUT_MS, Duration.ofMinutes(5)));
    }

    /** The same configuration with other MinHash/LSH parameters (for tests and the benchmark). */
    public DedupConfig withNearDuplicates(
            int newShingleWords, int newNumHashes, int newBands, int newRows, double newThreshold) {
        return new DedupConfig(
                urlTtl,
                contentTtl,
                nearDuplicateTtl,
                newShingleWords,
                newNumHashes,
                newBands,
                newRows,
                newThreshold,
                bucketCap,
                decisionTimeout);
    }

    private static void requirePositive(Duration value, String key) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, got " + value);
        }
    }

    private static void requireAtLeastOne(long value, String key) {
        if (value < 1) {
            throw new IllegalArgumentException(key + " must be at least 1, got " + value);
        }
    }
}
