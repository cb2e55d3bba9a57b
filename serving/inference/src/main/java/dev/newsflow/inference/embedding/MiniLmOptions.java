package dev.newsflow.inference.embedding;

import java.util.Objects;

/**
 * Tuning knobs of {@link MiniLmEmbedder}; {@link #defaults()} matches sentence-transformers for
 * texts that fit one window, and chunk-and-pools longer ones.
 *
 * @param windows how texts are cut into windows: 256 word pieces (including {@code [CLS]} and
 *     {@code [SEP]}; what sentence-transformers uses for all-MiniLM-L6-v2, which was trained on
 *     128, and whose position table ends at 512), overlapping by 32, at most 8 per text
 * @param maxBatchSize most windows per ONNX call; longer lists are split
 * @param intraOpThreads ONNX Runtime threads used inside one call
 */
public record MiniLmOptions(TokenWindows windows, int maxBatchSize, int intraOpThreads) {

    /** Large enough to amortise the call overhead, small enough to bound padding waste. */
    public static final int DEFAULT_MAX_BATCH_SIZE = 32;

    public MiniLmOptions {
        Objects.requireNonNull(windows, "windows");
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be >= 1, was " + maxBatchSize);
        }
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException(
                    "intraOpThreads must be >= 1, was " + intraOpThreads);
        }
    }

    /** {@link TokenWindows#defaults()}, batches of 32, one intra-op thread per processor. */
    public static MiniLmOptions defaults() {
        return new MiniLmOptions(
                TokenWindows.defaults(),
                DEFAULT_MAX_BATCH_SIZE,
                Runtime.getRuntime().availableProcessors());
    }

    /** Word pieces per window, {@code [CLS]} and {@code [SEP]} included. */
    public int maxTokens() {
        return windows.windowTokens();
    }

    public MiniLmOptions withWindows(TokenWindows value) {
        return new MiniLmOptions(value, maxBatchSize, intraOpThreads);
    }

    public MiniLmOptions withMaxBatchSize(int value) {
        return new MiniLmOptions(windows, value, intraOpThreads);
    }

    public MiniLmOptions withIntraOpThreads(int value) {
        return new MiniLmOptions(windows, maxBatchSize, value);
    }
}
