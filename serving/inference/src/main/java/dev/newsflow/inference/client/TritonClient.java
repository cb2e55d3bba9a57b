package dev.newsflow.inference.client;

import dev.newsflow.inference.client.TritonClientConfig.EmbedderInput;
import dev.newsflow.inference.client.TritonClientConfig.SummarizerBackend;
import dev.newsflow.inference.grpc.GRPCInferenceServiceGrpc;
import dev.newsflow.inference.grpc.ModelInferRequest;
import dev.newsflow.inference.grpc.ModelInferResponse;
import dev.newsflow.inference.grpc.ModelReadyRequest;
import dev.newsflow.inference.grpc.ServerReadyRequest;
import dev.newsflow.inference.protocol.Datatype;
import dev.newsflow.inference.protocol.TensorCodec;
import dev.newsflow.inference.protocol.TensorShapes;
import io.grpc.Channel;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link InferenceClient} over the KServe v2 / Triton gRPC protocol, one {@code ModelInfer} call
 * per batch. Works against the local server and a real Triton alike; {@link TritonClientConfig}
 * says which models it calls and with which tensors:
 *
 * <ul>
 *   <li>embeddings, text mode (default): texts as a {@code BYTES} tensor {@code TEXT} of shape
 *       {@code [batch, 1]}, {@code EMBEDDING} (FP32 {@code [batch, dim]}) back;
 *   <li>embeddings, token mode: the client tokenizes and chunks ({@link TokenizedEmbeddings}) for a
 *       model that takes word pieces, such as Triton's {@code embedder_onnx};
 *   <li>summaries (default): {@code TEXT} in, {@code SUMMARY} (BYTES {@code [batch, 1]}) back, and
 *       {@code IMPORTANCE} (FP32, NaN = none) where the server rates (Triton's wrapper does);
 *   <li>summaries from Triton's vLLM backend directly ({@link VllmSummaries}).
 * </ul>
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
    public static final String IMPORTANCE = "IMPORTANCE";

    /** Large enough for a batch of long articles; gRPC's default is 4 MiB. */
    public static final int MAX_MESSAGE_BYTES = 64 << 20;

    private static final AtomicLong REQUEST_IDS = new AtomicLong();

    private final ManagedChannel ownedChannel;
    private final GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub blockingStub;
    private final Duration deadline;
    private final TritonClientConfig config;
    private final ModelCalls calls;
    private final TokenizedEmbeddings tokenized;
    private final VllmSummaries vllm;

    /** Uses a channel the caller owns (and closes), with {@link TritonClientConfig#defaults()}. */
    public TritonClient(Channel channel, Duration deadline) {
        this(channel, null, deadline, TritonClientConfig.defaults());
    }

    /** Uses a channel the caller owns (and closes). */
    public TritonClient(Channel channel, Duration deadline, TritonClientConfig config) {
        this(channel, null, deadline, config);
    }

    private TritonClient(
            Channel channel, ManagedChannel owned, Duration deadline, TritonClientConfig config) {
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive, was " + deadline);
        }
        this.config = Objects.requireNonNull(config, "config");
        this.ownedChannel = owned;
        this.blockingStub = GRPCInferenceServiceGrpc.newBlockingStub(channel);
        this.calls = new ModelCalls(GRPCInferenceServiceGrpc.newStub(channel), deadline);
        this.tokenized =
                config.embedderInput() == EmbedderInput.TOKENS
                        ? new TokenizedEmbeddings(
                                calls,
                                config.embedderModel(),
                                config.windows(),
                                config.maxRowsPerCall())
                        : null;
        this.vllm =
                config.summarizerBackend() == SummarizerBackend.VLLM
                        ? new VllmSummaries(
                                calls,
                                config.summarizerModel(),
                                config.vllm(),
                                SummaryPrompt.load())
                        : null;
    }

    /**
     * Connects (lazily, plaintext) to a server at {@code host:port} with {@link
     * TritonClientConfig#defaults()}; closing closes the channel.
     */
    public static TritonClient connect(String host, int port, Duration deadline) {
        return connect(host, port, deadline, TritonClientConfig.defaults());
    }

    /**
     * Connects (lazily, plaintext) to a server at {@code host:port}; closing closes the channel.
     */
    public static TritonClient connect(
            String host, int port, Duration deadline, TritonClientConfig config) {
        ManagedChannel channel =
                Grpc.newChannelBuilderForAddress(host, port, InsecureChannelCredentials.create())
                        .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                        .build();
        try {
            return new TritonClient(channel, channel, deadline, config);
        } catch (RuntimeException e) {
            channel.shutdownNow();
            throw e;
        }
    }

    @Override
    public CompletableFuture<float[][]> embedAsync(List<String> texts) {
        String model = config.embedderModel();
        Optional<CompletableFuture<float[][]>> invalid = rejectNulls(model, texts);
        if (texts.isEmpty() || invalid.isPresent()) {
            return invalid.orElse(CompletableFuture.completedFuture(new float[0][]));
        }
        if (tokenized != null) {
            return tokenized.embed(texts);
        }
        return calls.infer(request(model, texts), r -> readEmbeddings(r, texts.size()));
    }

    @Override
    public CompletableFuture<List<String>> summarizeAsync(List<String> articles) {
        return summarizeWithRatingAsync(articles)
                .thenApply(summaries -> summaries.stream().map(Summary::text).toList());
    }

    @Override
    public CompletableFuture<List<Summary>> summarizeWithRatingAsync(List<String> articles) {
        String model = config.summarizerModel();
        Optional<CompletableFuture<List<Summary>>> invalid = rejectNulls(model, articles);
        if (articles.isEmpty() || invalid.isPresent()) {
            return invalid.orElse(CompletableFuture.completedFuture(List.of()));
        }
        if (vllm != null) {
            return vllm.summarize(articles);
        }
        return calls.infer(request(model, articles), r -> readSummaries(r, articles.size()));
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
        if (tokenized != null) {
            tokenized.close();
        }
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
                .setId(requestId(model))
                .addInputs(
                        ModelInferRequest.InferInputTensor.newBuilder()
                                .setName(TEXT)
                                .setDatatype(Datatype.BYTES.wireName())
                                .addAllShape(TensorShapes.batched(texts.size(), 1)))
                .addRawInputContents(TensorCodec.encodeStrings(texts))
                .build();
    }

    /** A request id unique within this JVM, naming the model for the server's logs. */
    static String requestId(String model) {
        return model + "-" + REQUEST_IDS.incrementAndGet();
    }

    static float[][] readEmbeddings(ModelInferResponse response, int batch) {
        return ResponseTensors.fp32Matrix(response, EMBEDDING, batch);
    }

    /** {@code SUMMARY}, with {@code IMPORTANCE} where the server sends it (NaN = no rating). */
    static List<Summary> readSummaries(ModelInferResponse response, int batch) {
        List<String> texts = ResponseTensors.strings(response, SUMMARY, batch);
        Optional<float[]> ratings = ResponseTensors.optionalFp32Column(response, IMPORTANCE, batch);
        List<Summary> summaries = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
            double rating = ratings.isPresent() ? ratings.get()[i] : Double.NaN;
            // A rating off the scale is no rating; the summary itself is still good.
            summaries.add(
                    Summary.of(texts.get(i), rating >= 0 && rating <= 1 ? rating : Double.NaN));
        }
        return summaries;
    }

    /** A failed future naming the first null text, if there is one; no call is made then. */
    private static <T> Optional<CompletableFuture<T>> rejectNulls(
            String model, List<String> texts) {
        // List.of(..).indexOf(null) throws, so search by hand.
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i) == null) {
                return Optional.of(
                        CompletableFuture.failedFuture(
                                new InferenceException(
                                        Status.Code.INVALID_ARGUMENT,
                                        model + ": texts[" + i + "] is null",
                                        null)));
            }
        }
        return Optional.empty();
    }

    private GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub blocking() {
        return blockingStub.withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS);
    }
}
