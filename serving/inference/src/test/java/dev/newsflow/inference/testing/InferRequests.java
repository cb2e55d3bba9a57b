package dev.newsflow.inference.testing;

import com.google.protobuf.ByteString;
import dev.newsflow.inference.grpc.InferTensorContents;
import dev.newsflow.inference.grpc.ModelInferRequest;
import dev.newsflow.inference.grpc.ModelInferRequest.InferInputTensor;
import dev.newsflow.inference.protocol.TensorCodec;
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

    public static InferInputTensor.Builder input(String name, String datatype, List<Long> shape) {
        return InferInputTensor.newBuilder().setName(name).setDatatype(datatype).addAllShape(shape);
    }
}
