package dev.newsflow.inference.embedding;

import java.util.List;

/**
 * A sentence embedder fed with word pieces rather than text: the contract of Triton's {@code
 * embedder_onnx} (BERT inputs in, one pooled, unit-length vector per row out), for clients that
 * tokenize themselves.
 */
public interface TokenEmbedder {

    /** Length of every vector. */
    int dimension();

    /**
     * One unit-length vector per row, in order: the mean of the token states under the row's mask,
     * L2-normalised; padding does not change it.
     *
     * @throws IllegalStateException if the embedder has been closed or the model fails
     */
    float[][] embedTokens(List<TokenRow> rows);
}
