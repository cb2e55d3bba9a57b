package dev.newsflow.inference.server;

import static dev.newsflow.inference.server.TextInput.invalid;

import dev.newsflow.inference.embedding.TokenRow;
import dev.newsflow.inference.embedding.TokenWindows;
import dev.newsflow.inference.embedding.WordPieces;
import dev.newsflow.inference.grpc.ModelInferRequest;
import dev.newsflow.inference.grpc.ModelInferRequest.InferInputTensor;
import dev.newsflow.inference.protocol.Datatype;
import dev.newsflow.inference.protocol.MalformedTensorException;
import dev.newsflow.inference.protocol.TensorCodec;
import dev.newsflow.inference.protocol.TensorShapes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads and validates the three BERT inputs of {@code embedder_onnx} ({@link EmbedderModel#tokens})
 * ({@code input_ids}, {@code attention_mask}, {@code token_type_ids}: INT64, one shape {@code
 * [batch, seq]}, in any order, raw or typed {@code int64_contents}) into {@link TokenRow}s. Values
 * the model cannot take (an id outside the vocabulary, a mask other than 0/1, a row without tokens,
 * more than 512 positions) are {@code INVALID_ARGUMENT} here rather than an ONNX Runtime failure
 * later.
 */
final class TokenInput {

    static final String INPUT_IDS = "input_ids";
    static final String ATTENTION_MASK = "attention_mask";
    static final String TOKEN_TYPE_IDS = "token_type_ids";

    /** In the order rows are built from. */
    static final List<String> NAMES = List.of(INPUT_IDS, ATTENTION_MASK, TOKEN_TYPE_IDS);

    /** Metadata shape of each input: any batch, any sequence length. */
    static final List<Long> SHAPE = List.of(TensorShapes.VARIABLE, TensorShapes.VARIABLE);

    /** Upper bounds (exclusive) of each input's values: vocabulary, mask, BERT's two segments. */
    private static final long[] LIMITS = {WordPieces.VOCABULARY_SIZE, 2, 2};

    private TokenInput() {}

    /**
     * The request's rows, trailing padding removed.
     *
     * @throws InvalidInferenceRequestException with a message naming the tensor and the model
     */
    static List<TokenRow> read(ModelInferRequest request, ServedModel model, int maxBatchSize) {
        String name = model.name();
        if (request.getInputsCount() != NAMES.size()) {
            throw invalid(
                    "expected %d inputs but got %d inputs for model '%s' (needs %s)",
                    NAMES.size(), request.getInputsCount(), name, NAMES);
        }
        int[] index = new int[NAMES.size()];
        Arrays.fill(index, -1);
        for (int i = 0; i < request.getInputsCount(); i++) {
            InferInputTensor tensor = request.getInputs(i);
            int which = NAMES.indexOf(tensor.getName());
            if (which < 0 || index[which] >= 0) {
                throw invalid(
                        "unexpected inference input '%s' for model '%s', expected %s",
                        tensor.getName(), name, NAMES);
            }
            index[which] = i;
        }
        List<Long> shape = request.getInputs(index[0]).getShapeList();
        for (int which = 0; which < NAMES.size(); which++) {
            InferInputTensor tensor = request.getInputs(index[which]);
            if (!tensor.getDatatype().equals(Datatype.INT64.wireName())) {
                throw invalid(
                        "inference input '%s' data-type is '%s', but model '%s' expects 'INT64'",
                        tensor.getName(), tensor.getDatatype(), name);
            }
            if (!tensor.getShapeList().equals(shape)) {
                throw invalid(
                        "input '%s' has shape %s, input '%s' has %s: model '%s' needs one [batch,"
                                + " seq]",
                        tensor.getName(), tensor.getShapeList(), INPUT_IDS, shape, name);
            }
        }
        if (shape.size() != 2 || shape.get(0) < 1 || shape.get(0) > maxBatchSize) {
            throw invalid(
                    "unexpected shape %s for the inputs of model '%s': expected [batch, seq] with"
                            + " batch in [1, %d]",
                    shape, name, maxBatchSize);
        }
        if (shape.get(1) < 1 || shape.get(1) > TokenWindows.MODEL_MAX_TOKENS) {
            throw invalid(
                    "sequence length %d for model '%s' is outside [1, %d]",
                    shape.get(1), name, TokenWindows.MODEL_MAX_TOKENS);
        }
        TextInput.checkRequestedOutputs(request, model);
        int batch = Math.toIntExact(shape.get(0));
        int seq = Math.toIntExact(shape.get(1));
        long[][] values = new long[NAMES.size()][];
        for (int which = 0; which < NAMES.size(); which++) {
            values[which] = decode(request, index[which], batch * seq, name);
            checkRange(values[which], which, seq, name);
        }
        return rows(values, batch, seq, name);
    }

    private static long[] decode(ModelInferRequest request, int input, int count, String model) {
        InferInputTensor tensor = request.getInputs(input);
        try {
            int raw = request.getRawInputContentsCount();
            if (raw > 0 && tensor.hasContents()) {
                throw new MalformedTensorException(
                        "contents given both in raw_input_contents and in the tensor");
            }
            if (raw > 0) {
                if (raw != request.getInputsCount()) {
                    throw new MalformedTensorException(
                            "raw_input_contents has "
                                    + raw
                                    + " entries for "
                                    + request.getInputsCount()
                                    + " inputs");
                }
                return TensorCodec.decodeInt64(request.getRawInputContents(input), count);
            }
            List<Long> typed = tensor.getContents().getInt64ContentsList();
            if (typed.size() != count) {
                throw new MalformedTensorException(
                        "int64_contents has " + typed.size() + " values, the shape needs " + count);
            }
            return typed.stream().mapToLong(Long::longValue).toArray();
        } catch (MalformedTensorException e) {
            throw invalid("input '%s' for model '%s': %s", tensor.getName(), model, e.getMessage());
        }
    }

    private static void checkRange(long[] values, int which, int seq, String model) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] >= LIMITS[which]) {
                throw invalid(
                        "input '%s' for model '%s' has %d at [%d, %d]; values must be in [0, %d)",
                        NAMES.get(which), model, values[i], i / seq, i % seq, LIMITS[which]);
            }
        }
    }

    private static List<TokenRow> rows(long[][] values, int batch, int seq, String model) {
        List<TokenRow> rows = new ArrayList<>(batch);
        for (int r = 0; r < batch; r++) {
            int from = r * seq;
            TokenRow row =
                    new TokenRow(
                            Arrays.copyOfRange(values[0], from, from + seq),
                            Arrays.copyOfRange(values[1], from, from + seq),
                            Arrays.copyOfRange(values[2], from, from + seq));
            if (row.realTokens() == 0) {
                // Its mean would be 0/0: no vector to give.
                throw invalid(
                        "row %d of '%s' for model '%s' has no tokens", r, ATTENTION_MASK, model);
            }
            rows.add(row.withoutTrailingPadding());
        }
        return rows;
    }
}
