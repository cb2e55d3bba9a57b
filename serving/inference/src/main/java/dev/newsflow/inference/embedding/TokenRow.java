package dev.newsflow.inference.embedding;

import java.util.Arrays;

/**
 * One row of BERT input: word-piece ids with their attention mask (1 = token, 0 = padding) and
 * token types (all 0 for single sentences), as {@code embedder_onnx} takes them.
 */
public record TokenRow(long[] ids, long[] mask, long[] types) {

    public TokenRow {
        if (ids.length != mask.length || ids.length != types.length) {
            throw new IllegalArgumentException(
                    "ids, mask and types differ in length: "
                            + ids.length
                            + ", "
                            + mask.length
                            + ", "
                            + types.length);
        }
    }

    /** A row of real tokens only: mask all 1, types all 0. */
    public static TokenRow of(long[] ids) {
        long[] mask = new long[ids.length];
        Arrays.fill(mask, 1L);
        return new TokenRow(ids, mask, new long[ids.length]);
    }

    /** Positions, padding included. */
    public int length() {
        return ids.length;
    }

    /** Positions under the mask: the tokens that count. */
    public int realTokens() {
        int count = 0;
        for (long m : mask) {
            count += m != 0 ? 1 : 0;
        }
        return count;
    }

    /** This row without the padding at its end, so that merged batches pad only as needed. */
    public TokenRow withoutTrailingPadding() {
        int end = mask.length;
        while (end > 0 && mask[end - 1] == 0) {
            end--;
        }
        if (end == mask.length) {
            return this;
        }
        return new TokenRow(
                Arrays.copyOf(ids, end), Arrays.copyOf(mask, end), Arrays.copyOf(types, end));
    }
}
