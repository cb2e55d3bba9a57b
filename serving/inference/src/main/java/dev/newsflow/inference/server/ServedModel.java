package dev.newsflow.inference.server;

import dev.newsflow.inference.grpc.ModelInferRequest;
import dev.newsflow.inference.grpc.ModelInferResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One model behind {@link InferenceService}: its metadata and its inference. Version "1" is the
 * only version.
 */
public interface ServedModel extends AutoCloseable {

    /** The only model version, as Triton numbers them. */
    String VERSION = "1";

    /** Name clients address it by, e.g. {@code embedder}. */
    String name();

    /** Triton's platform/backend label, e.g. {@code onnxruntime_onnx}. */
    String platform();

    List<TensorSpec> inputs();

    List<TensorSpec> outputs();

    /**
     * Runs one request.
     *
     * @throws InvalidInferenceRequestException synchronously, if the request does not fit the
     *     model's inputs and outputs
     * @return completes with the response, or exceptionally if the model fails or is shutting down
     */
    CompletableFuture<ModelInferResponse> infer(ModelInferRequest request);

    /** Finishes queued requests and releases the model's threads (not the shared embedder). */
    @Override
    void close();
}
