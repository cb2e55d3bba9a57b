package dev.newsflow.jobs.functions.dedup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Content hashes: the first 128 bits of SHA-256 over the {@linkplain DedupText#normalize
 * normalised} main text, in hex. Equal hashes are exact duplicates; the value is stable across JVMs
 * and releases as long as the normalisation is.
 */
public final class ContentHashes {

    /** Hex characters in a content hash (128 bits, like an article id). */
    public static final int LENGTH = 32;

    private ContentHashes() {}

    public static String of(String text) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(DedupText.normalize(text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, LENGTH / 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
