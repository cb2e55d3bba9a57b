package dev.newsflow.inference.server;

import dev.newsflow.inference.embedding.TextEmbedder;
import dev.newsflow.inference.grpc.ModelInferRequest;
import dev.newsflow.inference.grpc.ModelInferResponse;
import dev.newsflow.inference.protocol.Datatype;
import dev.newsflow.inference.protocol.TensorCodec;
import dev.newsflow.inference.protocol.TensorShapes;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Model {@code embedder}: {@code TEXT} (BYTES, {@code [batch, 1]}) to {@code EMBEDDING} (FP32,
 * {@code [batch, dim]}, unit length), through a {@link DynamicBatcher} in front of the shared
 * {@link TextEmbedder} (all-MiniLM-L6-v2, 384 dimensions, ONNX Runtime).
 */
public final class EmbedderModel implements ServedModel {

    public static final String NAME = "embedder";

    public static final String INPUT = "TEXT";

    public static final String OUTPUT = "EMBEDDING";

    /** What Triton would report for the ONNX model behind it. */
    public static final String PLATFORM = "onnxruntime_onnx";

    private final TextEmbedder embedder;
    private final BatchingOptions batching;
    private final DynamicBatcher<String, float[]> batcher;

    public EmbedderModel(TextEmbedder embedder, BatchingOptions batching) {
        this.embedder = embedder;
        this.batching = batching;
        this.batcher =
                new DynamicBatcher<>(
                        NAME,
                        batching.maxBatchSize(),
                        batching.maxQueueDelay(),
                        texts -> Arrays.asList(embedder.embed(texts)));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public List<TensorSpec> inputs() {
        return List.of(new TensorSpec(INPUT, Datatype.BYTES, TextInput.SHAPE));
    }

    @Override
    public List<TensorSpec> outputs() {
        return List.of(
                new TensorSpec(
                        OUTPUT,
                        Datatype.FP32,
                        List.of(TensorShapes.VARIABLE, (long) embedder.dimension())));
    }

    /** The batcher, for its execution and inference counts. */
    DynamicBatcher<String, float[]> batcher() {
        return batcher;
    }

    @Override
    public CompletableFuture<ModelInferResponse> infer(ModelInferRequest request) {
        TextInput.Batch batch = TextInput.read(request, this, batching.maxRequestBatch());
        return batcher.submit(batch.texts())
                .thenApply(
                        vectors -> {
                            float[][] matrix = vectors.toArray(new float[0][]);
                            ModelInferResponse.Builder response = TextInput.response(request, NAME);
                            response.addOutputs(
                                    ModelInferResponse.InferOutputTensor.newBuilder()
                                            .setName(OUTPUT)
                                            .setDatatype(Datatype.FP32.wireName())
                                            .addAllShape(
                                                    TensorShapes.batched(
                                                            matrix.length, embedder.dimension())));
                            response.addRawOutputContents(TensorCodec.encodeFp32(matrix));
                            return response.build();
                        });
    }

    @Override
    public void close() {
        batcher.close();
    }
}
