package dev.newsflow.inference.server;

import dev.newsflow.inference.embedding.TextEmbedder;
import dev.newsflow.inference.embedding.TokenEmbedder;
import dev.newsflow.inference.embedding.TokenRow;
import dev.newsflow.inference.grpc.ModelInferRequest;
import dev.newsflow.inference.grpc.ModelInferResponse;
import dev.newsflow.inference.protocol.Datatype;
import dev.newsflow.inference.protocol.TensorShapes;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * An embedding model behind a {@link DynamicBatcher}, in one of the two tensor contracts that
 * Triton's model repository has for all-MiniLM-L6-v2 (384 dimensions, ONNX Runtime):
 *
 * <ul>
 *   <li>{@link #texts} serves {@code embedder}: {@code TEXT} (BYTES, {@code [batch, 1]}) to {@code
 *       EMBEDDING} (FP32, {@code [batch, dim]}, unit length); the server tokenizes and chunks;
 *   <li>{@link #tokens} serves {@code embedder_onnx}: {@code input_ids}, {@code attention_mask},
 *       {@code token_type_ids} (INT64, {@code [batch, seq]}, see {@link TokenInput}) to {@code
 *       sentence_embedding} (FP32, {@code [batch, dim]}, mean-pooled under the mask, unit length),
 *       for clients that tokenize themselves; rows of concurrent requests are padded together, as
 *       Triton's dynamic batcher merges requests of one shape.
 * </ul>
 *
 * @param <I> one batch item: a text, or a row of word pieces
 */
public final class EmbedderModel<I> implements ServedModel {

    public static final String NAME = "embedder";

    public static final String INPUT = "TEXT";

    public static final String OUTPUT = "EMBEDDING";

    public static final String TOKENS_NAME = "embedder_onnx";

    public static final String TOKENS_OUTPUT = "sentence_embedding";

    /** What Triton would report for the ONNX model behind it. */
    public static final String PLATFORM = "onnxruntime_onnx";

    /** Reads and validates one request's items. */
    private interface Reader<I> {
        List<I> read(ModelInferRequest request, ServedModel model, int maxBatchSize);
    }

    private final String name;
    private final List<TensorSpec> inputs;
    private final String output;
    private final int dimension;
    private final Reader<I> reader;
    private final BatchingOptions batching;
    private final DynamicBatcher<I, float[]> batcher;

    private EmbedderModel(
            String name,
            List<TensorSpec> inputs,
            String output,
            int dimension,
            Reader<I> reader,
            Function<List<I>, float[][]> embed,
            BatchingOptions batching) {
        this.name = name;
        this.inputs = inputs;
        this.output = output;
        this.dimension = dimension;
        this.reader = reader;
        this.batching = batching;
        this.batcher =
                new DynamicBatcher<>(
                        name,
                        batching.maxBatchSize(),
                        batching.maxQueueDelay(),
                        items -> Arrays.asList(embed.apply(items)));
    }

    /** Model {@code embedder}: texts in. */
    public static EmbedderModel<String> texts(TextEmbedder embedder, BatchingOptions batching) {
        return new EmbedderModel<>(
                NAME,
                List.of(new TensorSpec(INPUT, Datatype.BYTES, TextInput.SHAPE)),
                OUTPUT,
                embedder.dimension(),
                (request, model, max) -> TextInput.read(request, model, max).texts(),
                embedder::embed,
                batching);
    }

    /** Model {@code embedder_onnx}: word pieces in. */
    public static EmbedderModel<TokenRow> tokens(TokenEmbedder embedder, BatchingOptions batching) {
        return new EmbedderModel<>(
                TOKENS_NAME,
                TokenInput.NAMES.stream()
                        .map(input -> new TensorSpec(input, Datatype.INT64, TokenInput.SHAPE))
                        .toList(),
                TOKENS_OUTPUT,
                embedder.dimension(),
                TokenInput::read,
                embedder::embedTokens,
                batching);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public List<TensorSpec> inputs() {
        return inputs;
    }

    @Override
    public List<TensorSpec> outputs() {
        return List.of(
                new TensorSpec(
                        output, Datatype.FP32, List.of(TensorShapes.VARIABLE, (long) dimension)));
    }

    /** The batcher, for its execution and inference counts. */
    DynamicBatcher<I, float[]> batcher() {
        return batcher;
    }

    @Override
    public CompletableFuture<ModelInferResponse> infer(ModelInferRequest request) {
        List<I> items = reader.read(request, this, batching.maxRequestBatch());
        return batcher.submit(items)
                .thenApply(
                        vectors -> {
                            ModelInferResponse.Builder response = TextInput.response(request, name);
                            TextInput.addFp32(response, output, vectors.toArray(new float[0][]));
                            return response.build();
                        });
    }

    @Override
    public void close() {
        batcher.close();
    }
}
