package dev.newsflow.inference.client;

import com.google.protobuf.ByteString;
import dev.newsflow.inference.grpc.GRPCInferenceServiceGrpc;
import dev.newsflow.inference.grpc.InferTensorContents;
import dev.newsflow.inference.grpc.ModelInferRequest;
import dev.newsflow.inference.grpc.ModelInferResponse;
import dev.newsflow.inference.grpc.ModelInferResponse.InferOutputTensor;
import dev.newsflow.inference.grpc.ModelReadyRequest;
import dev.newsflow.inference.grpc.ServerReadyRequest;
import dev.newsflow.inference.protocol.Datatype;
import dev.newsflow.inference.protocol.MalformedTensorException;
import dev.newsflow.inference.protocol.TensorCodec;
import dev.newsflow.inference.protocol.TensorShapes;
import io.grpc.Channel;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * {@link InferenceClient} over the KServe v2 / Triton gRPC protocol: one {@code ModelInfer} call
 * per batch, texts as a {@code BYTES} tensor {@code TEXT} of shape {@code [batch, 1]} in {@code
 * raw_input_contents}; reads {@code EMBEDDING} (FP32 {@code [batch, dim]}) and {@code SUMMARY}
 * (BYTES {@code [batch, 1]}) from raw or typed contents. Works against the local server and a real
 * Triton alike.
 *
 * <p>Every call has a deadline. Thread-safe; one client (one HTTP/2 connection) serves a whole
 * task. No retries: a failed call completes with an {@link InferenceException} saying whether a
 * retry may help, and the caller decides.
 */
public final class TritonClient implements InferenceClient {

    public static final String EMBEDDER = "embedder";
    public static final String SUMMARIZER = "summarizer";
    public static final String TEXT = "TEXT";
    public static final String EMBEDDING = "EMBEDDING";
    public static final String SUMMARY = "SUMMARY";

    /** Large enough for a batch of long articles; gRPC's default is 4 MiB. */
    public static final int MAX_MESSAGE_BYTES = 64 << 20;

    private static final AtomicLong REQUEST_IDS = new AtomicLong();

    private final ManagedChannel ownedChannel;
    private final GRPCInferenceServiceGrpc.GRPCInferenceServiceStub stub;
    private final GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub blockingStub;
    private final Duration deadline;

    /** Uses a channel the caller owns (and closes). */
    public TritonClient(Channel channel, Duration deadline) {
        this(channel, null, deadline);
    }

    private TritonClient(Channel channel, ManagedChannel owned, Duration deadline) {
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive, was " + deadline);
        }
        this.ownedChannel = owned;
        this.stub = GRPCInferenceServiceGrpc.newStub(channel);
        this.blockingStub = GRPCInferenceServiceGrpc.newBlockingStub(channel);
    }

    /**
     * Connects (lazily, plaintext) to a server at {@code host:port}; closing closes the channel.
     */
    public static TritonClient connect(String host, int port, Duration deadline) {
        ManagedChannel channel =
                Grpc.newChannelBuilderForAddress(host, port, InsecureChannelCredentials.create())
                        .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                        .build();
        return new TritonClient(channel, channel, deadline);
    }

    @Override
    public CompletableFuture<float[][]> embedAsync(List<String> texts) {
        if (texts.isEmpty()) {
            return CompletableFuture.completedFuture(new float[0][]);
        }
        return infer(EMBEDDER, texts, response -> readEmbeddings(response, texts.size()));
    }

    @Override
    public CompletableFuture<List<String>> summarizeAsync(List<String> articles) {
        if (articles.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return infer(SUMMARIZER, articles, response -> readSummaries(response, articles.size()));
    }

    @Override
    public boolean serverReady() {
        try {
            return blocking().serverReady(ServerReadyRequest.getDefaultInstance()).getReady();
        } catch (StatusRuntimeException e) {
            return false;
        }
    }

    @Override
    public boolean modelReady(String model) {
        try {
            return blocking()
                    .modelReady(ModelReadyRequest.newBuilder().setName(model).build())
                    .getReady();
        } catch (StatusRuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (ownedChannel == null) {
            return;
        }
        ownedChannel.shutdownNow();
        try {
            ownedChannel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The request the client sends for {@code texts}: one BYTES tensor, raw contents. */
    static ModelInferRequest request(String model, List<String> texts) {
        return ModelInferRequest.newBuilder()
                .setModelName(model)
                .setId(model + "-" + REQUEST_IDS.incrementAndGet())
                .addInputs(
                        ModelInferRequest.InferInputTensor.newBuilder()
                                .setName(TEXT)
                                .setDatatype(Datatype.BYTES.wireName())
                                .addAllShape(TensorShapes.batched(texts.size(), 1)))
                .addRawInputContents(TensorCodec.encodeStrings(texts))
                .build();
    }

    private <T> CompletableFuture<T> infer(
            String model, List<String> texts, Function<ModelInferResponse, T> reader) {
        CompletableFuture<T> result = new CompletableFuture<>();
        int nullAt = firstNull(texts);
        if (nullAt >= 0) {
            result.completeExceptionally(
                    new InferenceException(
                            Status.Code.INVALID_ARGUMENT,
                            model + ": texts[" + nullAt + "] is null",
                            null));
            return result;
        }
        ModelInferRequest request = request(model, texts);
        stub.withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS)
                .modelInfer(
                        request,
                        new StreamObserver<>() {
                            @Override
                            public void onNext(ModelInferResponse response) {
                                try {
                                    result.complete(reader.apply(response));
                                } catch (RuntimeException e) {
                                    result.completeExceptionally(InferenceException.of(model, e));
                                }
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

    /** List.of(..).indexOf(null) throws, so search by hand. */
    private static int firstNull(List<String> texts) {
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i) == null) {
                return i;
            }
        }
        return -1;
    }

    private GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub blocking() {
        return blockingStub.withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS);
    }

    static float[][] readEmbeddings(ModelInferResponse response, int batch) {
        int index = outputIndex(response, EMBEDDING, Datatype.FP32);
        List<Long> shape = response.getOutputs(index).getShapeList();
        if (shape.size() != 2 || shape.get(0) != batch || shape.get(1) < 1) {
            throw new MalformedTensorException(
                    EMBEDDING + " has shape " + shape + ", expected [" + batch + ", dim]");
        }
        int width = Math.toIntExact(shape.get(1));
        if (response.getRawOutputContentsCount() > 0) {
            return TensorCodec.decodeFp32(raw(response, index), batch, width);
        }
        InferTensorContents contents = response.getOutputs(index).getContents();
        if (contents.getFp32ContentsCount() != batch * width) {
            throw new MalformedTensorException(
                    EMBEDDING + " has " + contents.getFp32ContentsCount() + " values for " + shape);
        }
        float[][] vectors = new float[batch][width];
        for (int i = 0; i < batch * width; i++) {
            vectors[i / width][i % width] = contents.getFp32Contents(i);
        }
        return vectors;
    }

    static List<String> readSummaries(ModelInferResponse response, int batch) {
        int index = outputIndex(response, SUMMARY, Datatype.BYTES);
        List<Long> shape = response.getOutputs(index).getShapeList();
        if (shape.isEmpty() || shape.get(0) != batch || TensorShapes.elementCount(shape) != batch) {
            throw new MalformedTensorException(
                    SUMMARY + " has shape " + shape + ", expected [" + batch + ", 1]");
        }
        if (response.getRawOutputContentsCount() > 0) {
            return TensorCodec.decodeStrings(raw(response, index), batch);
        }
        List<ByteString> elements = response.getOutputs(index).getContents().getBytesContentsList();
        if (elements.size() != batch) {
            throw new MalformedTensorException(
                    SUMMARY + " has " + elements.size() + " elements for " + shape);
        }
        List<String> summaries = new ArrayList<>(batch);
        for (ByteString element : elements) {
            summaries.add(element.toStringUtf8());
        }
        return summaries;
    }

    private static int outputIndex(ModelInferResponse response, String name, Datatype datatype) {
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
