package dev.newsflow.inference.testing;

import com.google.protobuf.ByteString;
import dev.newsflow.inference.grpc.InferTensorContents;
import dev.newsflow.inference.grpc.ModelInferRequest;
import dev.newsflow.inference.grpc.ModelInferRequest.InferInputTensor;
import dev.newsflow.inference.protocol.TensorCodec;
import java.util.Arrays;
import java.util.List;

/** Hand-built ModelInfer requests, valid and broken, as any Triton client could send them. */
public final class InferRequests {

    private InferRequests() {}

    /** A valid text request: TEXT, BYTES, {@code [n, 1]}, raw contents. */
    public static ModelInferRequest.Builder texts(String model, List<String> texts) {
        return raw(
                model,
                "TEXT",
                "BYTES",
                List.of((long) texts.size(), 1L),
                TensorCodec.encodeStrings(texts));
    }

    /** One input with the given name, datatype, shape and raw contents. */
    public static ModelInferRequest.Builder raw(
            String model, String name, String datatype, List<Long> shape, ByteString contents) {
        return ModelInferRequest.newBuilder()
                .setModelName(model)
                .setId("req-1")
                .addInputs(input(name, datatype, shape))
                .addRawInputContents(contents);
    }

    /** One input with typed {@code bytes_contents} instead of raw contents. */
    public static ModelInferRequest.Builder typed(String model, List<String> texts) {
        InferTensorContents.Builder contents = InferTensorContents.newBuilder();
        texts.forEach(text -> contents.addBytesContents(ByteString.copyFromUtf8(text)));
        return ModelInferRequest.newBuilder()
                .setModelName(model)
                .addInputs(
                        input("TEXT", "BYTES", List.of((long) texts.size(), 1L))
                                .setContents(contents));
    }

    /**
     * The three BERT inputs of {@code embedder_onnx} ({@code input_ids}, {@code attention_mask},
     * {@code token_type_ids}, INT64 {@code [rows, seq]}, raw contents) from equal-length rows.
     */
    public static ModelInferRequest.Builder tokens(
            String model, long[][] ids, long[][] mask, long[][] types) {
        ModelInferRequest.Builder request = ModelInferRequest.newBuilder().setModelName(model);
        String[] names = {"input_ids", "attention_mask", "token_type_ids"};
        long[][][] values = {ids, mask, types};
        for (int i = 0; i < names.length; i++) {
            List<Long> shape = List.of((long) ids.length, (long) ids[0].length);
            request.addInputs(input(names[i], "INT64", shape));
            request.addRawInputContents(
                    TensorCodec.encodeInt64(
                            Arrays.stream(values[i]).flatMapToLong(Arrays::stream).toArray()));
        }
        return request;
    }

    public static InferInputTensor.Builder input(String name, String datatype, List<Long> shape) {
        return InferInputTensor.newBuilder().setName(name).setDatatype(datatype).addAllShape(shape);
    }
}
