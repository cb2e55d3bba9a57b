package dev.newsflow.inference.server;

import java.time.Duration;

/**
 * Dynamic batching of one model (Triton's {@code dynamic_batching} block).
 *
 * @param maxBatchSize most items merged into one model call
 * @param maxQueueDelay longest an item waits for company before a partial batch runs
 * @param maxRequestBatch largest batch one request may carry (Triton's {@code max_batch_size}
 *     check); larger requests get {@code INVALID_ARGUMENT}
 */
public record BatchingOptions(int maxBatchSize, Duration maxQueueDelay, int maxRequestBatch) {

    public BatchingOptions {
        if (maxBatchSize < 1 || maxRequestBatch < 1) {
            throw new IllegalArgumentException(
                    "batch sizes must be >= 1, were " + maxBatchSize + ", " + maxRequestBatch);
        }
        if (maxQueueDelay.isNegative()) {
            throw new IllegalArgumentException("maxQueueDelay must be >= 0, was " + maxQueueDelay);
        }
    }
}
