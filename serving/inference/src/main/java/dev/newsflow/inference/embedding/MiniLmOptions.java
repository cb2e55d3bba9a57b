package dev.newsflow.inference.embedding;

/**
 * Tuning knobs of {@link MiniLmEmbedder}; {@link #defaults()} matches sentence-transformers.
 *
 * @param maxTokens truncation window in word pieces, including {@code [CLS]} and {@code [SEP]}; 256
 *     is what sentence-transformers uses for all-MiniLM-L6-v2 (it was trained on 128, and the
 *     position table ends at 512)
 * @param maxBatchSize most texts per ONNX call; longer lists are split
 * @param intraOpThreads ONNX Runtime threads used inside one call
 */
public record MiniLmOptions(int maxTokens, int maxBatchSize, int intraOpThreads) {

    /** Window of sentence-transformers' all-MiniLM-L6-v2 ({@code max_seq_length}). */
    public static final int DEFAULT_MAX_TOKENS = 256;

    /** Position embeddings of the BERT encoder: a longer window cannot run. */
    public static final int MODEL_MAX_TOKENS = 512;

    /** Large enough to amortise the call overhead, small enough to bound padding waste. */
    public static final int DEFAULT_MAX_BATCH_SIZE = 32;

    public MiniLmOptions {
        if (maxTokens < 2 || maxTokens > MODEL_MAX_TOKENS) {
            throw new IllegalArgumentException(
                    "maxTokens must be in [2, " + MODEL_MAX_TOKENS + "], was " + maxTokens);
        }
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be >= 1, was " + maxBatchSize);
        }
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException(
                    "intraOpThreads must be >= 1, was " + intraOpThreads);
        }
    }

    /** 256 tokens, batches of 32, one intra-op thread per available processor. */
    public static MiniLmOptions defaults() {
        return new MiniLmOptions(
                DEFAULT_MAX_TOKENS,
                DEFAULT_MAX_BATCH_SIZE,
                Runtime.getRuntime().availableProcessors());
    }

    public MiniLmOptions withMaxTokens(int value) {
        return new MiniLmOptions(value, maxBatchSize, intraOpThreads);
    }

    public MiniLmOptions withMaxBatchSize(int value) {
        return new MiniLmOptions(maxTokens, value, intraOpThreads);
    }

    public MiniLmOptions withIntraOpThreads(int value) {
        return new MiniLmOptions(maxTokens, maxBatchSize, value);
    }
}
