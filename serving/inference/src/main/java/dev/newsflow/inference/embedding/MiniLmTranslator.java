package dev.newsflow.inference.embedding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.util.List;

/**
 * One ONNX call per list of texts: tokenizes the whole batch (padded to its longest member), feeds
 * the three BERT inputs as int64 and pools the {@code last_hidden_state} output.
 *
 * <p>The batch is built by hand rather than by a DJL {@link ai.djl.translate.Batchifier} because
 * stacking and pooling with NDArray operations would need a second DJL engine (ONNX Runtime's
 * NDArrays support almost no operators); the pooling runs on plain Java arrays instead.
 */
final class MiniLmTranslator implements NoBatchifyTranslator<List<String>, float[][]> {

    static final String OUTPUT_NAME = "last_hidden_state";

    private static final String MASK_KEY = "attentionMask";

    private final HuggingFaceTokenizer tokenizer;

    MiniLmTranslator(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, List<String> texts) {
        Encoding[] encodings = tokenizer.batchEncode(texts);
        int batch = encodings.length;
        int seq = 0;
        for (Encoding encoding : encodings) {
            seq = Math.max(seq, encoding.getIds().length);
        }
        long[] ids = new long[batch * seq];
        long[] mask = new long[batch * seq];
        long[] types = new long[batch * seq];
        for (int b = 0; b < batch; b++) {
            // The tokenizer already pads to the longest text; arrays stay zero (= [PAD], masked)
            // beyond each encoding anyway, so a shorter encoding could not corrupt the batch.
            System.arraycopy(encodings[b].getIds(), 0, ids, b * seq, encodings[b].getIds().length);
            long[] attention = encodings[b].getAttentionMask();
            System.arraycopy(attention, 0, mask, b * seq, attention.length);
            long[] typeIds = encodings[b].getTypeIds();
            System.arraycopy(typeIds, 0, types, b * seq, typeIds.length);
        }
        ctx.setAttachment(MASK_KEY, mask);
        NDManager manager = ctx.getNDManager();
        Shape shape = new Shape(batch, seq);
        return new NDList(
                named(manager.create(ids, shape), "input_ids"),
                named(manager.create(mask, shape), "attention_mask"),
                named(manager.create(types, shape), "token_type_ids"));
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
