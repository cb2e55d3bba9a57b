package dev.newsflow.jobs.functions.persona;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The bounded lists of a persona: article ids newest first, and the fingerprints of the latest
 * event ids (the dedup window). Each keeps at most its bound; the oldest entries fall out.
 */
public final class RecentIds {

    private RecentIds() {}

    /** {@code id} moved (or added) to the front of {@code ids}, which keeps at most {@code max}. */
    public static String[] withFirst(String[] ids, String id, int max) {
        if (max == 0) {
            return new String[0];
        }
        String[] out = new String[Math.min(max, ids.length + 1)];
        out[0] = id;
        int n = 1;
        for (int i = 0; i < ids.length && n < out.length; i++) {
            if (!ids[i].equals(id)) {
                out[n++] = ids[i];
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /**
     * A 64-bit fingerprint of an event id (the first 8 bytes of its SHA-256): 8 bytes of state per
     * remembered event instead of the id, with a collision chance of about 2^-50 per user at 256.
     */
    public static long fingerprint(String eventId) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(eventId.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public static boolean contains(long[] fingerprints, long fingerprint) {
        for (long f : fingerprints) {
            if (f == fingerprint) {
                return true;
            }
        }
        return false;
    }

    /** {@code fingerprint} appended to the window, which keeps the latest {@code max}. */
    public static long[] withLast(long[] fingerprints, long fingerprint, int max) {
        int keep = Math.min(fingerprints.length, max - 1);
        long[] out = new long[keep + 1];
        System.arraycopy(fingerprints, fingerprints.length - keep, out, 0, keep);
        out[keep] = fingerprint;
        return out;
    }
}
