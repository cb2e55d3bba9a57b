package dev.newsflow.inference.embedding;

import dev.newsflow.inference.config.EnvValues;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Chunk-and-pool for texts longer than the model's window: how the word pieces of one text are cut
 * into windows that the model embeds one by one (see {@link WindowPlan} for the pooling).
 *
 * <p>Windows start at the first word piece, so the title, which callers put first, is always in the
 * first window; each window after it repeats the last {@code overlapTokens} word pieces of the one
 * before, so that no sentence is only ever seen cut in two. A text that fits one window is one
 * window, exactly the old truncating path. The work per text is bounded: at most {@code maxWindows}
 * windows, and word pieces beyond them ({@link #maxContentTokens()}) are not read.
 *
 * @param windowTokens word pieces per window, {@code [CLS]} and {@code [SEP]} included (the model's
 *     window, 256 for all-MiniLM-L6-v2; at most 512, its position table)
 * @param overlapTokens word pieces each window repeats from the one before; less than a window's
 *     content ({@code windowTokens - 2})
 * @param maxWindows most windows per text; 1 is plain truncation at the window
 */
public record TokenWindows(int windowTokens, int overlapTokens, int maxWindows)
        implements Serializable {

    public static final String OVERLAP_ENV = "NEWSFLOW_EMBEDDER_WINDOW_OVERLAP";
    public static final String MAX_WINDOWS_ENV = "NEWSFLOW_EMBEDDER_MAX_WINDOWS";

    /** sentence-transformers' {@code max_seq_length} for all-MiniLM-L6-v2. */
    public static final int DEFAULT_WINDOW_TOKENS = 256;

    /** About two sentences of news: enough context at a cut, little repeated work. */
    public static final int DEFAULT_OVERLAP_TOKENS = 32;

    /** Eight windows read about 1,800 word pieces (~1,400 words), a long news article. */
    public static final int DEFAULT_MAX_WINDOWS = 8;

    /** Position embeddings of the BERT encoder: a longer window cannot run. */
    public static final int MODEL_MAX_TOKENS = 512;

    /** {@code [CLS]} and {@code [SEP]} around the content of every window. */
    public static final int SPECIAL_TOKENS = 2;

    private static final long serialVersionUID = 1L;

    /** A window's content: word pieces {@code [start, end)} of the text (specials excluded). */
    public record Span(int start, int end) {
        public int length() {
            return end - start;
        }
    }

    public TokenWindows {
        if (windowTokens < SPECIAL_TOKENS + 1 || windowTokens > MODEL_MAX_TOKENS) {
            throw new IllegalArgumentException(
                    "window must be in [3, " + MODEL_MAX_TOKENS + "] tokens, was " + windowTokens);
        }
        if (overlapTokens < 0 || overlapTokens >= windowTokens - SPECIAL_TOKENS) {
            throw new IllegalArgumentException(
                    OVERLAP_ENV
                            + " must be in [0, "
                            + (windowTokens - SPECIAL_TOKENS - 1)
                            + "] for a window of "
                            + windowTokens
                            + ", was "
                            + overlapTokens);
        }
        if (maxWindows < 1) {
            throw new IllegalArgumentException(
                    MAX_WINDOWS_ENV + " must be >= 1, was " + maxWindows);
        }
    }

    /** 256-token windows overlapping by 32, at most 8 per text. */
    public static TokenWindows defaults() {
        return new TokenWindows(DEFAULT_WINDOW_TOKENS, DEFAULT_OVERLAP_TOKENS, DEFAULT_MAX_WINDOWS);
    }

    /** Plain truncation at {@code windowTokens}: one window per text. */
    public static TokenWindows truncating(int windowTokens) {
        return new TokenWindows(windowTokens, 0, 1);
    }

    /**
     * Reads {@value #OVERLAP_ENV} and {@value #MAX_WINDOWS_ENV} (the local server and the client's
     * token mode read the same two, so that both cut texts alike); unset ones take the defaults.
     */
    public static TokenWindows fromEnv(Map<String, String> env) {
        return new TokenWindows(
                DEFAULT_WINDOW_TOKENS,
                EnvValues.intOf(env, OVERLAP_ENV, DEFAULT_OVERLAP_TOKENS),
                EnvValues.intOf(env, MAX_WINDOWS_ENV, DEFAULT_MAX_WINDOWS));
    }

    /** Content word pieces per window. */
    public int capacity() {
        return windowTokens - SPECIAL_TOKENS;
    }

    /** Word pieces from one window's start to the next one's. */
    public int stride() {
        return capacity() - overlapTokens;
    }

    /** Word pieces of a text that are read at most; the rest is ignored. */
    public int maxContentTokens() {
        return capacity() + (maxWindows - 1) * stride();
    }

    /**
     * The windows of a text of {@code contentTokens} word pieces: the first starts at 0, each next
     * one {@link #stride()} later, the last ends at the text's end or at the cap. An empty text is
     * one empty window ({@code [CLS] [SEP]}), as in sentence-transformers.
     */
    public List<Span> spans(int contentTokens) {
        if (contentTokens < 0) {
            throw new IllegalArgumentException("contentTokens must be >= 0, was " + contentTokens);
        }
        List<Span> spans = new ArrayList<>();
        int start = 0;
        while (true) {
            int end = Math.min(start + capacity(), contentTokens);
            spans.add(new Span(start, end));
            if (end == contentTokens || spans.size() == maxWindows) {
                return spans;
            }
            start += stride();
        }
    }
}
