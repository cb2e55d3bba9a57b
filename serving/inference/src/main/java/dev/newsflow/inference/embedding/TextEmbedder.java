package dev.newsflow.inference.embedding;

import java.util.List;

/**
 * Turns texts into dense, L2-normalised vectors for semantic search and clustering.
 *
 * <p>Because every vector has unit length, cosine similarity is a plain dot product, which is what
 * the k-NN index and the scoring functions downstream rely on. Implementations own native resources
 * and must be closed.
 */
public interface TextEmbedder extends AutoCloseable {

    /** Length of every vector returned by {@link #embed(List)}. */
    int dimension();

    /** Stable model identifier, stored next to each vector so that indexes never mix models. */
    String modelName();

    /**
     * Embeds the texts, one unit-length vector per text, in input order.
     *
     * @param texts texts to embed; may be empty, must not contain {@code null}
     * @return {@code texts.size()} vectors of length {@link #dimension()}
     * @throws IllegalArgumentException if an element is {@code null}
     * @throws IllegalStateException if the embedder has been closed
     */
    float[][] embed(List<String> texts);

    /** Releases native resources; vectors already returned stay valid. */
    @Override
    void close();
}
