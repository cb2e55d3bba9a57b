package dev.newsflow.inference.client;

import com.google.protobuf.ByteString;
import dev.newsflow.inference.grpc.InferTensorContents;
import dev.newsflow.inference.grpc.ModelInferResponse;
import dev.newsflow.inference.grpc.ModelInferResponse.InferOutputTensor;
import dev.newsflow.inference.protocol.Datatype;
import dev.newsflow.inference.protocol.MalformedTensorException;
import dev.newsflow.inference.protocol.TensorCodec;
import dev.newsflow.inference.protocol.TensorShapes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads named output tensors of a {@code ModelInferResponse}, from raw contents or typed ones, and
 * checks them against what the request asked for; anything else is a {@link
 * MalformedTensorException}.
 */
final class ResponseTensors {

    private ResponseTensors() {}

    /** An FP32 {@code [batch, dim]} output. */
    static float[][] fp32Matrix(ModelInferResponse response, String name, int batch) {
        int index = index(response, name, Datatype.FP32);
        List<Long> shape = response.getOutputs(index).getShapeList();
        if (shape.size() != 2 || shape.get(0) != batch || shape.get(1) < 1) {
            throw new MalformedTensorException(
                    name + " has shape " + shape + ", expected [" + batch + ", dim]");
        }
        int width = Math.toIntExact(shape.get(1));
        if (response.getRawOutputContentsCount() > 0) {
            return TensorCodec.decodeFp32(raw(response, index), batch, width);
        }
        InferTensorContents contents = response.getOutputs(index).getContents();
        if (contents.getFp32ContentsCount() != batch * width) {
            throw new MalformedTensorException(
                    name + " has " + contents.getFp32ContentsCount() + " values for " + shape);
        }
        float[][] matrix = new float[batch][width];
        for (int i = 0; i < batch * width; i++) {
            matrix[i / width][i % width] = contents.getFp32Contents(i);
        }
        return matrix;
    }

    /** An FP32 output of one value per row ({@code [batch, 1]} or {@code [batch]}), if present. */
    static Optional<float[]> optionalFp32Column(
            ModelInferResponse response, String name, int batch) {
        if (response.getOutputsList().stream().noneMatch(o -> o.getName().equals(name))) {
            return Optional.empty();
        }
        int index = index(response, name, Datatype.FP32);
        checkRows(response.getOutputs(index).getShapeList(), name, batch);
        if (response.getRawOutputContentsCount() > 0) {
            return Optional.of(TensorCodec.decodeFp32(raw(response, index), 1, batch)[0]);
        }
        List<Float> values = response.getOutputs(index).getContents().getFp32ContentsList();
        if (values.size() != batch) {
            throw new MalformedTensorException(name + " has " + values.size() + " values");
        }
        float[] column = new float[batch];
        for (int i = 0; i < batch; i++) {
            column[i] = values.get(i);
        }
        return Optional.of(column);
    }

    /** A BYTES output of one UTF-8 string per row ({@code [batch, 1]} or {@code [batch]}). */
    static List<String> strings(ModelInferResponse response, String name, int batch) {
        int index = index(response, name, Datatype.BYTES);
        checkRows(response.getOutputs(index).getShapeList(), name, batch);
        if (response.getRawOutputContentsCount() > 0) {
            return TensorCodec.decodeStrings(raw(response, index), batch);
        }
        List<ByteString> elements = response.getOutputs(index).getContents().getBytesContentsList();
        if (elements.size() != batch) {
            throw new MalformedTensorException(
                    name + " has " + elements.size() + " elements for " + batch + " rows");
        }
        List<String> strings = new ArrayList<>(batch);
        for (ByteString element : elements) {
            strings.add(element.toStringUtf8());
        }
        return strings;
    }

    /** Every element of a BYTES output, whatever its shape; none if the output is absent. */
    static List<String> allStrings(ModelInferResponse response, String name) {
        for (InferOutputTensor output : response.getOutputsList()) {
            if (output.getName().equals(name)) {
                List<Long> shape = output.getShapeList();
                int count = shape.isEmpty() ? 1 : TensorShapes.elementCount(shape);
                return strings(response, name, count);
            }
        }
        return List.of();
    }

    private static void checkRows(List<Long> shape, String name, int batch) {
        if (shape.isEmpty() || shape.get(0) != batch || TensorShapes.elementCount(shape) != batch) {
            throw new MalformedTensorException(
                    name + " has shape " + shape + ", expected [" + batch + ", 1]");
        }
    }

    private static int index(ModelInferResponse response, String name, Datatype datatype) {
        for (int i = 0; i < response.getOutputsCount(); i++) {
            InferOutputTensor output = response.getOutputs(i);
            if (output.getName().equals(name)) {
                if (!output.getDatatype().equals(datatype.wireName())) {
                    throw new MalformedTensorException(
                            name + " is " + output.getDatatype() + ", expected " + datatype);
                }
                return i;
            }
        }
        throw new MalformedTensorException(
                "response of '" + response.getModelName() + "' has no output " + name);
    }

    private static ByteString raw(ModelInferResponse response, int index) {
        if (response.getRawOutputContentsCount() != response.getOutputsCount()) {
            throw new MalformedTensorException(
                    response.getRawOutputContentsCount()
                            + " raw output contents for "
                            + response.getOutputsCount()
                            + " outputs");
        }
        return response.getRawOutputContents(index);
    }
}
