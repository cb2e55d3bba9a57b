package dev.newsflow.inference.client;

import dev.newsflow.inference.grpc.GRPCInferenceServiceGrpc.GRPCInferenceServiceStub;
import dev.newsflow.inference.grpc.InferParameter;
import dev.newsflow.inference.grpc.ModelInferRequest;
import dev.newsflow.inference.grpc.ModelInferResponse;
import dev.newsflow.inference.grpc.ModelStreamInferResponse;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The two ways the client calls a model, each under the deadline, every failure an {@link
 * InferenceException}: unary {@code ModelInfer}, and one request on its own {@code
 * ModelStreamInfer} stream, the only call Triton accepts for a decoupled model (the vLLM backend).
 */
final class ModelCalls {

    /** Request parameter asking Triton to flag the last response of a decoupled model. */
    static final String ENABLE_FINAL_RESPONSE = "triton_enable_empty_final_response";

    /** Response parameter on the last response of a request. */
    static final String FINAL_RESPONSE = "triton_final_response";

    private final GRPCInferenceServiceStub stub;
    private final Duration deadline;

    ModelCalls(GRPCInferenceServiceStub stub, Duration deadline) {
        this.stub = stub;
        this.deadline = deadline;
    }

    /** {@code ModelInfer}; the reader turns the response into the result. */
    <T> CompletableFuture<T> infer(
            ModelInferRequest request, Function<ModelInferResponse, T> reader) {
        String model = request.getModelName();
        CompletableFuture<T> result = new CompletableFuture<>();
        withDeadline()
                .modelInfer(
                        request,
                        new StreamObserver<>() {
                            @Override
                            public void onNext(ModelInferResponse response) {
                                complete(result, model, () -> reader.apply(response));
                            }

                            @Override
                            public void onError(Throwable error) {
                                result.completeExceptionally(InferenceException.of(model, error));
                            }

                            @Override
                            public void onCompleted() {
                                // onNext completed the future.
                            }
                        });
        return result;
    }

    /**
     * Sends {@code request} alone on a {@code ModelStreamInfer} stream, with the final-response
     * flag enabled, and reads every response up to the final one (or the end of the stream).
     */
    <T> CompletableFuture<T> stream(
            ModelInferRequest request, Function<List<ModelInferResponse>, T> reader) {
        String model = request.getModelName();
        CompletableFuture<T> result = new CompletableFuture<>();
        List<ModelInferResponse> responses = new ArrayList<>();
        StreamObserver<ModelInferRequest> requests =
                withDeadline()
                        .modelStreamInfer(
                                new StreamObserver<>() {
                                    // gRPC calls these one at a time for one call.
                                    @Override
                                    public void onNext(ModelStreamInferResponse response) {
                                        if (!response.getErrorMessage().isEmpty()) {
                                            result.completeExceptionally(
                                                    streamError(model, response.getErrorMessage()));
                                            return;
                                        }
                                        responses.add(response.getInferResponse());
                                        if (isFinal(response.getInferResponse())) {
                                            complete(result, model, () -> reader.apply(responses));
                                        }
                                    }

                                    @Override
                                    public void onError(Throwable error) {
                                        result.completeExceptionally(
                                                InferenceException.of(model, error));
                                    }

                                    @Override
                                    public void onCompleted() {
                                        // The server ends the stream after our half-close once
                                        // every response is out.
                                        complete(result, model, () -> reader.apply(responses));
                                    }
                                });
        requests.onNext(
                request.toBuilder()
                        .putParameters(
                                ENABLE_FINAL_RESPONSE,
                                InferParameter.newBuilder().setBoolParam(true).build())
                        .build());
        requests.onCompleted();
        return result;
    }

    /**
     * An error sent in a stream's {@code error_message}: Triton gives no status code there, so the
     * code is read from the message. A model that is missing or not ready (unloaded after a failed
     * health check, still loading) is worth a retry, as the {@code summarizer} wrapper decides for
     * the same errors; anything else is {@code INTERNAL}.
     */
    static InferenceException streamError(String model, String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        boolean transientError =
                lower.contains("unknown model")
                        || lower.contains("not found")
                        || lower.contains("not ready")
                        || lower.contains("unavailable");
        Status.Code code = transientError ? Status.Code.UNAVAILABLE : Status.Code.INTERNAL;
        return new InferenceException(code, model + ": " + code + ": " + message, null);
    }

    private static boolean isFinal(ModelInferResponse response) {
        InferParameter flag = response.getParametersMap().get(FINAL_RESPONSE);
        return flag != null && flag.getBoolParam();
    }

    private static <T> void complete(CompletableFuture<T> result, String model, Supplier<T> value) {
        if (result.isDone()) {
            return;
        }
        try {
            result.complete(value.get());
        } catch (RuntimeException e) {
            result.completeExceptionally(InferenceException.of(model, e));
        }
    }

    private GRPCInferenceServiceStub withDeadline() {
        return stub.withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS);
    }
}
