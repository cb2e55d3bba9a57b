package dev.newsflow.schemas.search;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;

/**
 * The {@code embeddingBytes} field of the {@code articles} index: the article's embedding as
 * float32 little-endian, base64 (OpenSearch's {@code binary} type), kept in doc values.
 *
 * <p>Why a second copy of the vector: a {@code knn_vector} cannot be read back except through
 * {@code _source}, where each float is JSON text that OpenSearch writes and the reader parses. The
 * feed reads the embeddings of some 200 kNN candidates per page (for MMR and the cosines to each
 * interest); through {@code docvalue_fields} on this field that costs 1.5 KB of base64 per
 * candidate and no float parsing, about half the search time of a feed page (benchmarks/README.md).
 */
public final class EmbeddingBytes {

    /** The field name in the {@code articles} mapping. */
    public static final String FIELD = "embeddingBytes";

    private EmbeddingBytes() {}

    /** The base64 value of {@code embedding}, or {@code null} when there is none. */
    public static String encode(List<Float> embedding) {
        if (embedding == null || embedding.isEmpty()) {
            return null;
        }
        ByteBuffer bytes =
                ByteBuffer.allocate(embedding.size() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        embedding.forEach(bytes::putFloat);
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    /** The same for an array. */
    public static String encode(float[] embedding) {
        if (embedding == null || embedding.length == 0) {
            return null;
        }
        ByteBuffer bytes =
                ByteBuffer.allocate(embedding.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : embedding) {
            bytes.putFloat(v);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    /**
     * The floats of a base64 value, or {@code null} when there is none.
     *
     * @throws IllegalArgumentException when it is not base64 of whole float32 values
     */
    public static float[] decode(String base64) {
        if (base64 == null || base64.isEmpty()) {
            return null;
        }
        byte[] raw = Base64.getDecoder().decode(base64);
        if (raw.length % Float.BYTES != 0) {
            throw new IllegalArgumentException(
                    FIELD + " holds " + raw.length + " bytes, not a whole number of float32s");
        }
        ByteBuffer bytes = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[raw.length / Float.BYTES];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.getFloat();
        }
        return out;
    }
}
