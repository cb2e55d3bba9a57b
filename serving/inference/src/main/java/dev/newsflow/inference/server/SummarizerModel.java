package dev.newsflow.inference.server;

import dev.newsflow.inference.grpc.InferParameter;
import dev.newsflow.inference.grpc.ModelInferRequest;
import dev.newsflow.inference.grpc.ModelInferResponse;
import dev.newsflow.inference.protocol.Datatype;
import dev.newsflow.inference.summarization.ExtractiveSummarizer;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Model {@code summarizer}: {@code TEXT} (BYTES, one article per row) to {@code SUMMARY} (BYTES,
 * same shape). Locally this is the {@link ExtractiveSummarizer}, the CPU stand-in for the
 * fine-tuned 7B summarization model that Triton serves on GPUs under the same name and tensors; its
 * platform says so ({@value #PLATFORM}) and every response carries the parameter {@value
 * #DESCRIPTION_PARAMETER}. Concurrent requests are merged by a {@link DynamicBatcher} so that one
 * embedding call covers the sentences of several articles.
 */
public final class SummarizerModel implements ServedModel {

    public static final String NAME = "summarizer";

    public static final String INPUT = "TEXT";

    public static final String OUTPUT = "SUMMARY";

    public static final String PLATFORM = "newsflow_extractive_cpu";

    /** Response parameter naming the model behind the answer. */
    public static final String DESCRIPTION_PARAMETER = "model_description";

    private final BatchingOptions batching;
    private final DynamicBatcher<String, String> batcher;

    public SummarizerModel(ExtractiveSummarizer summarizer, BatchingOptions batching) {
        this.batching = batching;
        this.batcher =
                new DynamicBatcher<>(
                        NAME,
                        batching.maxBatchSize(),
                        batching.maxQueueDelay(),
                        summarizer::summarizeAll);
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
        return List.of(new TensorSpec(OUTPUT, Datatype.BYTES, TextInput.SHAPE));
    }

    @Override
    public CompletableFuture<ModelInferResponse> infer(ModelInferRequest request) {
        TextInput.Batch batch = TextInput.read(request, this, batching.maxRequestBatch());
        return batcher.submit(batch.texts())
                .thenApply(
                        summaries -> {
                            ModelInferResponse.Builder response =
                                    TextInput.response(request, NAME)
                                            .putParameters(
                                                    DESCRIPTION_PARAMETER,
                                                    InferParameter.newBuilder()
                                                            .setStringParam(
                                                                    ExtractiveSummarizer
                                                                            .DESCRIPTION)
                                                            .build());
                            TextInput.addStrings(response, OUTPUT, batch.shape(), summaries);
                            return response.build();
                        });
    }

    @Override
    public void close() {
        batcher.close();
    }
}
