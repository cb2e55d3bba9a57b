package dev.newsflow.inference.server;

import com.google.protobuf.ByteString;
import dev.newsflow.inference.grpc.ModelInferRequest;
import dev.newsflow.inference.grpc.ModelInferRequest.InferInputTensor;
import dev.newsflow.inference.grpc.ModelInferRequest.InferRequestedOutputTensor;
import dev.newsflow.inference.grpc.ModelInferResponse;
import dev.newsflow.inference.protocol.Datatype;
import dev.newsflow.inference.protocol.MalformedTensorException;
import dev.newsflow.inference.protocol.TensorCodec;
import dev.newsflow.inference.protocol.TensorShapes;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and validates the single {@code BYTES} text input that the local text models take, shaped
 * {@code [batch, 1]} (Triton's usual layout for strings with {@code max_batch_size > 0}) or {@code
 * [batch]}, from {@code raw_input_contents} or from {@code contents.bytes_contents}. Messages
 * follow Triton's wording so that a client's logs read the same with either server.
 */
final class TextInput {

    /** Metadata shape of the text input: any batch, one string per row. */
    static final List<Long> SHAPE = List.of(TensorShapes.VARIABLE, 1L);

    /**
     * The texts of one request.
     *
     * @param texts one per batch row, in order
     * @param shape the request's shape of the input, echoed by outputs shaped like it
     */
    record Batch(List<String> texts, List<Long> shape) {}

    private TextInput() {}

    /**
     * Validates the request against the model's one input and one output and decodes the texts.
     *
     * @throws InvalidInferenceRequestException with a message naming the tensor and the model
     */
    static Batch read(ModelInferRequest request, ServedModel model, int maxBatchSize) {
        String modelName = model.name();
        TensorSpec input = model.inputs().get(0);
        if (request.getInputsCount() != 1) {
            throw invalid(
                    "expected 1 input but got %d inputs for model '%s' (needs '%s')",
                    request.getInputsCount(), modelName, input.name());
        }
        InferInputTensor tensor = request.getInputs(0);
        if (!tensor.getName().equals(input.name())) {
            throw invalid(
                    "unexpected inference input '%s' for model '%s', expected '%s'",
                    tensor.getName(), modelName, input.name());
        }
        if (!tensor.getDatatype().equals(input.datatype().wireName())) {
            throw invalid(
                    "inference input '%s' data-type is '%s', but model '%s' expects '%s'",
                    input.name(), tensor.getDatatype(), modelName, input.datatype().wireName());
        }
        List<Long> shape = tensor.getShapeList();
        boolean rowsOfOne = shape.size() == 2 && shape.get(1) == 1;
        if (!(rowsOfOne || shape.size() == 1) || shape.get(0) < 0) {
            throw invalid(
                    "unexpected shape for input '%s' for model '%s'. Expected [-1,1] or [-1], got"
                            + " %s",
                    input.name(), modelName, shape);
        }
        long batch = shape.get(0);
        if (batch < 1 || batch > maxBatchSize) {
            throw invalid(
                    "inference request batch-size must be in [1, %d] for '%s', got %d",
                    maxBatchSize, modelName, batch);
        }
        checkRequestedOutputs(request, model);
        List<String> texts;
        try {
            texts = decode(request, tensor, (int) batch);
        } catch (MalformedTensorException e) {
            throw invalid("input '%s' for model '%s': %s", input.name(), modelName, e.getMessage());
        }
        return new Batch(texts, List.copyOf(shape));
    }

    private static List<String> decode(ModelInferRequest request, InferInputTensor tensor, int n) {
        int raw = request.getRawInputContentsCount();
        boolean typed = tensor.hasContents();
        if (raw > 0 && typed) {
            throw new MalformedTensorException(
                    "contents given both in raw_input_contents and in the tensor");
        }
        if (raw > 0) {
            if (raw != request.getInputsCount()) {
                throw new MalformedTensorException(
                        "raw_input_contents has " + raw + " entries for 1 input");
            }
            return TensorCodec.decodeStrings(request.getRawInputContents(0), n);
        }
        if (!typed) {
            throw new MalformedTensorException("no contents: neither raw_input_contents nor typed");
        }
        List<ByteString> elements = tensor.getContents().getBytesContentsList();
        if (elements.size() != n) {
            throw new MalformedTensorException(
                    "bytes_contents has " + elements.size() + " elements, the shape needs " + n);
        }
        List<byte[]> bytes = new ArrayList<>(n);
        for (ByteString element : elements) {
            bytes.add(element.toByteArray());
        }
        // Re-encode to reuse the strict UTF-8 check of the raw path; typed contents are rare.
        return TensorCodec.decodeStrings(TensorCodec.encodeBytes(bytes), n);
    }

    static void checkRequestedOutputs(ModelInferRequest request, ServedModel model) {
        for (InferRequestedOutputTensor requested : request.getOutputsList()) {
            boolean known =
                    model.outputs().stream().anyMatch(o -> o.name().equals(requested.getName()));
            if (!known) {
                throw invalid(
                        "unexpected inference output '%s' for model '%s'",
                        requested.getName(), model.name());
            }
        }
    }

    /** A response with the request's model, version and id filled in. */
    static ModelInferResponse.Builder response(ModelInferRequest request, String modelName) {
        return ModelInferResponse.newBuilder()
                .setModelName(modelName)
                .setModelVersion(ServedModel.VERSION)
                .setId(request.getId());
    }

    /** Adds a {@code BYTES} output of UTF-8 strings with the given shape. */
    static void addStrings(
            ModelInferResponse.Builder response,
            String name,
            List<Long> shape,
            List<String> texts) {
        response.addOutputs(
                ModelInferResponse.InferOutputTensor.newBuilder()
                        .setName(name)
                        .setDatatype(Datatype.BYTES.wireName())
                        .addAllShape(shape));
        response.addRawOutputContents(TensorCodec.encodeStrings(texts));
    }

    /** Adds an {@code FP32} output of shape {@code [rows, width]} in raw contents. */
    static void addFp32(ModelInferResponse.Builder response, String name, float[][] matrix) {
        int width = matrix.length == 0 ? 0 : matrix[0].length;
        response.addOutputs(
                ModelInferResponse.InferOutputTensor.newBuilder()
                        .setName(name)
                        .setDatatype(Datatype.FP32.wireName())
                        .addAllShape(TensorShapes.batched(matrix.length, width)));
        response.addRawOutputContents(TensorCodec.encodeFp32(matrix));
    }

    static InvalidInferenceRequestException invalid(String format, Object... args) {
        return new InvalidInferenceRequestException(String.format(format, args));
    }
}
