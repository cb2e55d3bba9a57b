package dev.newsflow.jobs.functions.dedup;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * MinHash signatures over the word shingles of a {@linkplain DedupText#normalize normalised} text:
 * position {@code i} holds the minimum of hash function {@code i} over the text's shingles, and the
 * fraction of positions two signatures share estimates the Jaccard similarity of their shingle sets
 * (standard error {@code sqrt(J(1-J)/numHashes)}).
 *
 * <p>Everything is a pure function of the text and the two parameters: words are hashed with
 * MurmurHash3 (x64, 128 bit, seed 0) over their UTF-8 bytes, and the {@code numHashes} hash
 * functions are the MurmurHash3 finaliser over the shingle hash xor a fixed seed. Signatures are
 * therefore identical on every JVM, subtask and restart, and can be compared across them.
 */
public final class MinHash implements Serializable {

    private static final long SHINGLE_SEED = 0x6e657773666c6f77L; // "newsflow"
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private final int shingleWords;
    private final long[] seeds;

    public MinHash(int numHashes, int shingleWords) {
        if (numHashes < 1 || shingleWords < 1) {
            throw new IllegalArgumentException(
                    "need numHashes >= 1 and shingleWords >= 1, got "
                            + numHashes
                            + " and "
                            + shingleWords);
        }
        this.shingleWords = shingleWords;
        this.seeds = new long[numHashes];
        for (int i = 0; i < numHashes; i++) {
            seeds[i] = mix(GOLDEN_GAMMA * (i + 1));
        }
    }

    public int numHashes() {
        return seeds.length;
    }

    /** The signature of a raw text (normalised here). */
    public int[] signature(String text) {
        return signatureOfShingles(shingleHashes(DedupText.normalize(text)));
    }

    /** The signature of a set of shingle hashes, duplicates allowed. */
    int[] signatureOfShingles(long[] shingles) {
        int[] signature = new int[seeds.length];
        Arrays.fill(signature, Integer.MAX_VALUE);
        for (long shingle : shingles) {
            for (int i = 0; i < seeds.length; i++) {
                int value = (int) (mix(shingle ^ seeds[i]) >>> 32);
                if (value < signature[i]) {
                    signature[i] = value;
                }
            }
        }
        return signature;
    }

    /**
     * The hashes of the text's shingles: every run of {@code shingleWords} consecutive words. A
     * text shorter than that is one shingle of all its words; a text without words is one shingle
     * of its normalised characters, so that every text has a signature. Public for evaluations that
     * compare the estimate with the exact Jaccard similarity of these sets.
     */
    public long[] shingleHashes(String normalized) {
        List<String> words = DedupText.words(normalized);
        if (words.isEmpty()) {
            return new long[] {hash(normalized)};
        }
        long[] wordHashes = new long[words.size()];
        for (int i = 0; i < wordHashes.length; i++) {
            wordHashes[i] = hash(words.get(i));
        }
        int width = Math.min(shingleWords, wordHashes.length);
        long[] shingles = new long[wordHashes.length - width + 1];
        for (int start = 0; start < shingles.length; start++) {
            long h = SHINGLE_SEED;
            for (int j = 0; j < width; j++) {
                h = mix(h ^ wordHashes[start + j]);
            }
            shingles[start] = h;
        }
        return shingles;
    }

    /** Estimated Jaccard similarity: the fraction of positions where the signatures agree. */
    public static double similarity(int[] a, int[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException(
                    "signatures of different lengths: " + a.length + " and " + b.length);
        }
        int equal = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                equal++;
            }
        }
        return (double) equal / a.length;
    }

    private static long hash(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        return MurmurHash3.hash128x64(bytes, 0, bytes.length, 0)[0];
    }

    /** MurmurHash3's 64-bit finaliser: a bijection that spreads every input bit over the output. */
    static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
