package dev.newsflow.inference.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.inference.embedding.TextEmbedder;
import dev.newsflow.inference.grpc.GRPCInferenceServiceGrpc;
import dev.newsflow.inference.grpc.GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub;
import dev.newsflow.inference.server.BatchingOptions;
import dev.newsflow.inference.server.InferenceServer;
import dev.newsflow.inference.server.InferenceServerConfig;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * The local server on a free loopback port with a channel to it, for tests of the protocol surface:
 * batches of 32 within 1 ms, at most {@code maxRequestBatch} items per request.
 */
public final class LoopbackServer implements AutoCloseable {

    private final InferenceServer server;
    private final ManagedChannel channel;
    private final GRPCInferenceServiceBlockingStub stub;

    private LoopbackServer(InferenceServer server) {
        this.server = server;
        this.channel =
                Grpc.newChannelBuilderForAddress(
                                "127.0.0.1", server.port(), InsecureChannelCredentials.create())
                        .build();
        this.stub = GRPCInferenceServiceGrpc.newBlockingStub(channel);
    }

    public static LoopbackServer start(TextEmbedder embedder, int maxRequestBatch) {
        BatchingOptions batching = new BatchingOptions(32, Duration.ofMillis(1), maxRequestBatch);
        return new LoopbackServer(
                InferenceServer.start(
                        InferenceServerConfig.defaults()
                                .withPort(0)
                                .withBatching(batching, batching),
                        embedder));
    }

    public InferenceServer server() {
        return server;
    }

    /** A blocking stub with a 30 s deadline. */
    public GRPCInferenceServiceBlockingStub stub() {
        return stub.withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    /**
     * Asserts that the call fails with {@code code} and a description containing {@code message}.
     */
    public static void assertStatus(ThrowingCallable call, Status.Code code, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> {
                            assertThat(e.getStatus().getCode()).isEqualTo(code);
                            assertThat(e.getStatus().getDescription()).contains(message);
                        });
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.close();
    }
}
