package dev.newsflow.inference.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * Shapes as the protocol carries them: {@code repeated int64}, the batch dimension first, {@code
 * -1} for a variable dimension in metadata.
 */
public final class TensorShapes {

    /** A dimension of any size in model metadata (the batch dimension, for batching models). */
    public static final long VARIABLE = -1;

    private TensorShapes() {}

    /** {@code [batch, inner...]}. */
    public static List<Long> batched(int batch, long... inner) {
        List<Long> shape = new ArrayList<>(inner.length + 1);
        shape.add((long) batch);
        for (long dim : inner) {
            shape.add(dim);
        }
        return List.copyOf(shape);
    }

    /**
     * The number of elements of a concrete shape (a scalar, {@code []}, has one).
     *
     * @throws MalformedTensorException if a dimension is negative or the count exceeds {@code
     *     Integer.MAX_VALUE}
     */
    public static int elementCount(List<Long> shape) {
        long count = 1;
        for (long dim : shape) {
            if (dim < 0) {
                throw new MalformedTensorException("shape " + shape + " has a negative dimension");
            }
            count *= dim;
            if (count > Integer.MAX_VALUE) {
                throw new MalformedTensorException("shape " + shape + " is too large");
            }
        }
        return (int) count;
    }
}
