package dev.newsflow.inference.testing;

import dev.newsflow.inference.grpc.GRPCInferenceServiceGrpc;
import dev.newsflow.inference.grpc.InferParameter;
import dev.newsflow.inference.grpc.ModelInferRequest;
import dev.newsflow.inference.grpc.ModelInferResponse;
import dev.newsflow.inference.grpc.ModelStreamInferResponse;
import dev.newsflow.inference.protocol.TensorCodec;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * <b>Protocol double</b>, not a model: an in-process gRPC server on a loopback port that answers as
 * Triton does for a model on the vLLM backend ({@code summarizer_llm}), so that the client's vLLM
 * path is tested over real gRPC without a GPU. It checks every request against the backend's tensor
 * contract (serving/triton/model_repository/summarizer_llm/config.pbtxt and the backend's request
 * reader: {@code text_input} BYTES {@code [1]}; optional {@code stream} and {@code
 * exclude_input_in_output} BOOL {@code [1]}, {@code sampling_parameters} BYTES {@code [1]} holding
 * a JSON object), answers a contract violation as Triton does on a stream (an {@code
 * error_message}), refuses unary {@code ModelInfer} as Triton refuses it for decoupled models, and
 * otherwise sends the canned {@code text_output} its script gives for the prompt, delivered in one
 * of the ways a decoupled model may deliver it ({@link Delivery}). What the generation says is up
 * to the test; nothing is generated.
 */
public final class VllmBackendDouble extends GRPCInferenceServiceGrpc.GRPCInferenceServiceImplBase
        implements AutoCloseable {

    /** The canned answer to a prompt: {@code text_output}, or an error sent on the stream. */
    public record Answer(String text, String error) {
        public static Answer text(String text) {
            return new Answer(text, null);
        }

        public static Answer error(String message) {
            return new Answer(null, message);
        }
    }

    /** How the answer to one request comes back. */
    public enum Delivery {
        /**
         * One response with the whole text, flagged {@code triton_final_response} (vLLM, stream
         * off).
         */
        ONE_FINAL_RESPONSE,
        /** The text in two pieces, then an empty response flagged final. */
        PIECES_THEN_EMPTY_FINAL,
        /** One response without the flag; only the end of the stream says it was the last. */
        NO_FINAL_FLAG
    }

    private final String model;
    private final Delivery delivery;
    private final Function<String, Answer> script;
    private final CountDownLatch together;
    private final List<VllmRequest> received = new CopyOnWriteArrayList<>();
    // Answers may wait for each other: a thread each, never the small common pool.
    private final ExecutorService answering = Executors.newCachedThreadPool();
    private final Server server;

    private VllmBackendDouble(
            String model, Delivery delivery, Function<String, Answer> script, int together) {
        this.model = model;
        this.delivery = delivery;
        this.script = script;
        this.together = new CountDownLatch(together);
        this.server =
                NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                        .addService(this)
                        .build();
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves {@code model}, answering each prompt with {@code script}'s answer at once. */
    public static VllmBackendDouble start(String model, Function<String, Answer> script) {
        return new VllmBackendDouble(model, Delivery.ONE_FINAL_RESPONSE, script, 0);
    }

    /** Like {@link #start}, delivering each answer as {@code delivery} says. */
    public static VllmBackendDouble startDelivering(
            String model, Delivery delivery, Function<String, Answer> script) {
        return new VllmBackendDouble(model, delivery, script, 0);
    }

    /**
     * Like {@link #start}, but holds every answer until {@code requests} requests are in flight
     * together, as a server batching in flight would see them; if they never are (a client sending
     * one at a time), each request gets an error after 10 s instead.
     */
    public static VllmBackendDouble startHoldingUntil(
            String model, int requests, Function<String, Answer> script) {
        return new VllmBackendDouble(model, Delivery.ONE_FINAL_RESPONSE, script, requests);
    }

    public int port() {
        return server.getPort();
    }

    /** Every valid request so far, in arrival order. */
    public List<VllmRequest> received() {
        return List.copyOf(received);
    }

    @Override
    public void modelInfer(ModelInferRequest request, StreamObserver<ModelInferResponse> out) {
        out.onError(
                Status.UNIMPLEMENTED
                        .withDescription(
                                "ModelInfer RPC doesn't support models with decoupled"
                                        + " transaction policy")
                        .asException());
    }

    @Override
    public StreamObserver<ModelInferRequest> modelStreamInfer(
            StreamObserver<ModelStreamInferResponse> out) {
        List<CompletableFuture<Void>> answers = new CopyOnWriteArrayList<>();
        return new StreamObserver<>() {
            @Override
            public void onNext(ModelInferRequest request) {
                answers.add(CompletableFuture.runAsync(() -> answer(request, out), answering));
            }

            @Override
            public void onError(Throwable t) {
                // The client went away; nothing to answer.
            }

            @Override
            public void onCompleted() {
                // As Triton: the stream ends once every request's responses are out.
                CompletableFuture.allOf(answers.toArray(new CompletableFuture<?>[0]))
                        .whenComplete((done, error) -> out.onCompleted());
            }
        };
    }

    private void answer(ModelInferRequest request, StreamObserver<ModelStreamInferResponse> out) {
        String violation;
        VllmRequest decoded = null;
        try {
            decoded = VllmRequest.decode(request, model);
            violation = null;
        } catch (IllegalArgumentException e) {
            violation = e.getMessage();
        }
        Answer answer;
        if (violation != null) {
            answer = Answer.error(violation);
        } else {
            received.add(decoded);
            together.countDown();
            answer = awaitCompany() ? script.apply(decoded.prompt()) : Answer.error("alone");
        }
        List<ModelStreamInferResponse> responses;
        if (answer.error() != null) {
            responses =
                    List.of(
                            ModelStreamInferResponse.newBuilder()
                                    .setErrorMessage(answer.error())
                                    .build());
        } else {
            String text = answer.text();
            responses =
                    switch (delivery) {
                        case ONE_FINAL_RESPONSE -> List.of(response(request, text, true));
                        case PIECES_THEN_EMPTY_FINAL ->
                                List.of(
                                        response(
                                                request,
                                                text.substring(0, text.length() / 2),
                                                false),
                                        response(request, text.substring(text.length() / 2), false),
                                        response(request, null, true));
                        case NO_FINAL_FLAG -> List.of(response(request, text, false));
                    };
        }
        synchronized (out) {
            responses.forEach(out::onNext);
        }
    }

    /** One stream response: {@code text_output} BYTES {@code [1]} unless {@code text} is null. */
    private ModelStreamInferResponse response(
            ModelInferRequest request, String text, boolean last) {
        ModelInferResponse.Builder response =
                ModelInferResponse.newBuilder()
                        .setModelName(model)
                        .setModelVersion("1")
                        .setId(request.getId());
        if (last) {
            response.putParameters(
                    "triton_final_response",
                    InferParameter.newBuilder().setBoolParam(true).build());
        }
        if (text != null) {
            response.addOutputs(
                            ModelInferResponse.InferOutputTensor.newBuilder()
                                    .setName("text_output")
                                    .setDatatype("BYTES")
                                    .addShape(1))
                    .addRawOutputContents(TensorCodec.encodeStrings(List.of(text)));
        }
        return ModelStreamInferResponse.newBuilder().setInferResponse(response).build();
    }

    private boolean awaitCompany() {
        try {
            return together.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        server.shutdownNow();
        answering.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
