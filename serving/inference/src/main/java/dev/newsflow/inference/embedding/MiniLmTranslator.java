package dev.newsflow.inference.embedding;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

/**
 * One ONNX call per {@link TokenBatch}: feeds the three BERT inputs as int64 and pools the {@code
 * last_hidden_state} output under the attention mask.
 *
 * <p>The batch is built by hand rather than by a DJL {@link ai.djl.translate.Batchifier} because
 * stacking and pooling with NDArray operations would need a second DJL engine (ONNX Runtime's
 * NDArrays support almost no operators); the pooling runs on plain Java arrays instead.
 */
final class MiniLmTranslator implements NoBatchifyTranslator<TokenBatch, float[][]> {

    static final String OUTPUT_NAME = "last_hidden_state";

    private static final String MASK_KEY = "attentionMask";

    @Override
    public NDList processInput(TranslatorContext ctx, TokenBatch batch) {
        ctx.setAttachment(MASK_KEY, batch.mask());
        NDManager manager = ctx.getNDManager();
        Shape shape = new Shape(batch.rows(), batch.seq());
        return new NDList(
                named(manager.create(batch.ids(), shape), "input_ids"),
                named(manager.create(batch.mask(), shape), "attention_mask"),
                named(manager.create(batch.types(), shape), "token_type_ids"));
    }

    @Override
    public float[][] processOutput(TranslatorContext ctx, NDList outputs) {
        NDArray hidden = outputs.get(OUTPUT_NAME);
        if (hidden == null) {
            hidden = outputs.head();
        }
        Shape shape = hidden.getShape();
        if (shape.dimension() != 3) {
            throw new IllegalStateException("expected [batch, seq, dim] output, got " + shape);
        }
        long[] mask = (long[]) ctx.getAttachment(MASK_KEY);
        return MeanPooling.poolAndNormalize(
                hidden.toFloatArray(),
                mask,
                (int) shape.get(0),
                (int) shape.get(1),
                (int) shape.get(2));
    }

    private static NDArray named(NDArray array, String name) {
        // ONNX Runtime matches inputs by name; DJL otherwise relies on the session's (unordered)
        // input set.
        array.setName(name);
        return array;
    }
}
