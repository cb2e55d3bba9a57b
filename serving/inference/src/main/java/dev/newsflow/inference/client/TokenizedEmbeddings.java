package dev.newsflow.inference.client;

import dev.newsflow.inference.embedding.TokenBatch;
import dev.newsflow.inference.embedding.TokenRow;
import dev.newsflow.inference.embedding.TokenWindows;
import dev.newsflow.inference.embedding.WindowPlan;
import dev.newsflow.inference.embedding.WordPieces;
import dev.newsflow.inference.grpc.ModelInferRequest;
import dev.newsflow.inference.grpc.ModelInferRequest.InferInputTensor;
import dev.newsflow.inference.protocol.Datatype;
import dev.newsflow.inference.protocol.TensorCodec;
import dev.newsflow.inference.protocol.TensorShapes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Embeddings from a model that takes word pieces ({@code embedder_onnx} on Triton, ONNX Runtime or
 * TensorRT, or on the local server): the client tokenizes with the same tokenizer.json as the
 * server side ({@link WordPieces}), cuts long texts into windows ({@link TokenWindows}), sends
 * every window of the batch as rows of {@code input_ids}, {@code attention_mask}, {@code
 * token_type_ids} (INT64 {@code [rows, seq]}, padded to a multiple of 64 as Triton's tokenizer step
 * pads, so the GPU's dynamic batcher can merge requests), reads {@code sentence_embedding} (FP32
 * {@code [rows, 384]}, already pooled and normalised by the model) and pools the windows of each
 * text ({@link WindowPlan}). The same texts give the same vectors as the {@code embedder} model.
 *
 * <p>All windows go in one call, or in concurrent calls of at most {@code maxRowsPerCall} rows when
 * there are more (Triton refuses a request above the model's {@code max_batch_size}).
 */
final class TokenizedEmbeddings implements AutoCloseable {

    static final String INPUT_IDS = "input_ids";
    static final String ATTENTION_MASK = "attention_mask";
    static final String TOKEN_TYPE_IDS = "token_type_ids";
    static final String OUTPUT = "sentence_embedding";

    /** embedder_tokenizer's {@code pad_to_multiple_of}. */
    static final int PAD_TO_MULTIPLE_OF = 64;

    private final ModelCalls calls;
    private final String model;
    private final TokenWindows windows;
    private final int maxRowsPerCall;
    private final WordPieces wordPieces = WordPieces.open();

    TokenizedEmbeddings(ModelCalls calls, String model, TokenWindows windows, int maxRowsPerCall) {
        this.calls = calls;
        this.model = model;
        this.windows = windows;
        this.maxRowsPerCall = maxRowsPerCall;
    }

    /** One unit vector per text, in order. */
    CompletableFuture<float[][]> embed(List<String> texts) {
        WindowPlan plan;
        try {
            plan =
                    WindowPlan.of(
                            wordPieces.contentIds(texts),
                            windows,
                            wordPieces.cls(),
                            wordPieces.sep());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(InferenceException.of(model, e));
        }
        List<TokenRow> rows = plan.rows();
        List<int[]> batches = TokenBatch.byLength(rows, maxRowsPerCall);
        List<CompletableFuture<float[][]>> parts = new ArrayList<>(batches.size());
        for (int[] batch : batches) {
            parts.add(
                    calls.infer(
                            request(
                                    model,
                                    TokenBatch.of(
                                            TokenBatch.select(rows, batch), PAD_TO_MULTIPLE_OF)),
                            response ->
                                    ResponseTensors.fp32Matrix(response, OUTPUT, batch.length)));
        }
        return CompletableFuture.allOf(parts.toArray(new CompletableFuture<?>[0]))
                .thenApply(
                        done -> {
                            float[][] vectors = new float[rows.size()][];
                            for (int b = 0; b < batches.size(); b++) {
                                float[][] part = parts.get(b).join();
                                for (int k = 0; k < part.length; k++) {
                                    vectors[batches.get(b)[k]] = part[k];
                                }
                            }
                            return plan.pool(vectors);
                        });
    }

    /** The three INT64 {@code [rows, seq]} inputs of a batch, raw contents. */
    static ModelInferRequest request(String model, TokenBatch batch) {
        return ModelInferRequest.newBuilder()
                .setModelName(model)
                .setId(TritonClient.requestId(model))
                .addInputs(tensor(INPUT_IDS, batch))
                .addRawInputContents(TensorCodec.encodeInt64(batch.ids()))
                .addInputs(tensor(ATTENTION_MASK, batch))
                .addRawInputContents(TensorCodec.encodeInt64(batch.mask()))
                .addInputs(tensor(TOKEN_TYPE_IDS, batch))
                .addRawInputContents(TensorCodec.encodeInt64(batch.types()))
                .build();
    }

    @Override
    public void close() {
        wordPieces.close();
    }

    private static InferInputTensor tensor(String name, TokenBatch batch) {
        return InferInputTensor.newBuilder()
                .setName(name)
                .setDatatype(Datatype.INT64.wireName())
                .addAllShape(TensorShapes.batched(batch.rows(), batch.seq()))
                .build();
    }
}
