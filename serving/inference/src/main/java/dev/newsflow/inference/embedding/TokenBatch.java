package dev.newsflow.inference.embedding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * {@link TokenRow}s as the three {@code [rows, seq]} INT64 matrices BERT takes, flattened
 * row-major: each row padded with {@code [PAD]} (id 0, mask 0) to the longest row, rounded up to a
 * multiple of {@code padToMultipleOf}. Padding is masked out of the mean, so it never changes a
 * vector; rounding only gives requests of similar length the same shape, which Triton's dynamic
 * batcher needs to merge them.
 */
public record TokenBatch(int rows, int seq, long[] ids, long[] mask, long[] types) {

    /** Packs the rows; {@code padToMultipleOf} 1 pads to the longest row only. */
    public static TokenBatch of(List<TokenRow> rows, int padToMultipleOf) {
        if (padToMultipleOf < 1) {
            throw new IllegalArgumentException(
                    "padToMultipleOf must be >= 1, was " + padToMultipleOf);
        }
        int longest = 0;
        for (TokenRow row : rows) {
            longest = Math.max(longest, row.length());
        }
        int rounded = (longest + padToMultipleOf - 1) / padToMultipleOf * padToMultipleOf;
        // Never pad past the position table, whatever the multiple.
        int seq = Math.max(longest, Math.min(rounded, TokenWindows.MODEL_MAX_TOKENS));
        long[] ids = new long[rows.size() * seq];
        long[] mask = new long[rows.size() * seq];
        long[] types = new long[rows.size() * seq];
        for (int r = 0; r < rows.size(); r++) {
            TokenRow row = rows.get(r);
            System.arraycopy(row.ids(), 0, ids, r * seq, row.length());
            System.arraycopy(row.mask(), 0, mask, r * seq, row.length());
            System.arraycopy(row.types(), 0, types, r * seq, row.length());
        }
        return new TokenBatch(rows.size(), seq, ids, mask, types);
    }

    /**
     * Splits rows into batches of at most {@code maxRows}, shortest rows first, so that each batch
     * pads its rows to a similar length (the full windows of long articles apart from headlines).
     *
     * @return the row indices of each batch
     */
    public static List<int[]> byLength(List<TokenRow> rows, int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be >= 1, was " + maxRows);
        }
        int[] order =
                IntStream.range(0, rows.size())
                        .boxed()
                        .sorted(Comparator.comparingInt(i -> rows.get(i).length()))
                        .mapToInt(Integer::intValue)
                        .toArray();
        List<int[]> batches = new ArrayList<>();
        for (int from = 0; from < order.length; from += maxRows) {
            batches.add(Arrays.copyOfRange(order, from, Math.min(from + maxRows, order.length)));
        }
        return batches;
    }

    /** The rows at {@code indices}, in that order. */
    public static List<TokenRow> select(List<TokenRow> rows, int[] indices) {
        List<TokenRow> selected = new ArrayList<>(indices.length);
        for (int i : indices) {
            selected.add(rows.get(i));
        }
        return selected;
    }
}
