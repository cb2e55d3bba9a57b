package dev.newsflow.inference.embedding;

import java.util.ArrayList;
import java.util.List;

/**
 * The windows of a batch of texts ({@link TokenWindows}) as one list of model rows, so that a
 * single batched call embeds every window of every text, and the way back: each text's vector is
 * the mean of its windows' vectors weighted by their token counts, re-normalised to unit length. A
 * text of one window gets that window's vector unchanged, so short texts embed exactly as before.
 */
public final class WindowPlan {

    private final List<TokenRow> rows;
    private final int[] firstRow;

    private WindowPlan(List<TokenRow> rows, int[] firstRow) {
        this.rows = rows;
        this.firstRow = firstRow;
    }

    /**
     * Plans the windows of texts given as word-piece ids without special tokens ({@link
     * WordPieces#contentIds}); every window is {@code [CLS] content [SEP]}.
     */
    public static WindowPlan of(List<long[]> contentIds, TokenWindows windows, long cls, long sep) {
        List<TokenRow> rows = new ArrayList<>();
        int[] firstRow = new int[contentIds.size() + 1];
        for (int t = 0; t < contentIds.size(); t++) {
            firstRow[t] = rows.size();
            long[] content = contentIds.get(t);
            for (TokenWindows.Span span : windows.spans(content.length)) {
                long[] ids = new long[span.length() + TokenWindows.SPECIAL_TOKENS];
                ids[0] = cls;
                System.arraycopy(content, span.start(), ids, 1, span.length());
                ids[ids.length - 1] = sep;
                rows.add(TokenRow.of(ids));
            }
        }
        firstRow[contentIds.size()] = rows.size();
        return new WindowPlan(List.copyOf(rows), firstRow);
    }

    /** Every window of every text, text by text, in order. */
    public List<TokenRow> rows() {
        return rows;
    }

    /** Number of texts planned. */
    public int texts() {
        return firstRow.length - 1;
    }

    /** Number of windows of text {@code t}. */
    public int windowsOf(int t) {
        return firstRow[t + 1] - firstRow[t];
    }

    /**
     * Combines one vector per row ({@link #rows()} order) into one unit vector per text.
     *
     * @throws IllegalArgumentException unless there is exactly one vector per row
     */
    public float[][] pool(float[][] rowVectors) {
        if (rowVectors.length != rows.size()) {
            throw new IllegalArgumentException(
                    rowVectors.length + " vectors for " + rows.size() + " windows");
        }
        float[][] vectors = new float[texts()][];
        for (int t = 0; t < texts(); t++) {
            int first = firstRow[t];
            if (windowsOf(t) == 1) {
                vectors[t] = rowVectors[first];
                continue;
            }
            double[] sum = new double[rowVectors[first].length];
            for (int r = first; r < firstRow[t + 1]; r++) {
                double weight = rows.get(r).realTokens();
                for (int d = 0; d < sum.length; d++) {
                    sum[d] += weight * rowVectors[r][d];
                }
            }
            vectors[t] = MeanPooling.normalize(sum);
        }
        return vectors;
    }
}
