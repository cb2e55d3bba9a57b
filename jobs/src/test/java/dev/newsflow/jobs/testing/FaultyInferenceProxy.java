package dev.newsflow.jobs.testing;

import dev.newsflow.inference.grpc.GRPCInferenceServiceGrpc;
import dev.newsflow.inference.grpc.ModelInferRequest;
import dev.newsflow.inference.grpc.ModelInferResponse;
import dev.newsflow.inference.grpc.ModelReadyRequest;
import dev.newsflow.inference.grpc.ModelReadyResponse;
import dev.newsflow.inference.grpc.ServerReadyRequest;
import dev.newsflow.inference.grpc.ServerReadyResponse;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault-injecting gRPC server double in front of a real inference server, on a free loopback
 * port, doing to {@code ModelInfer} what a {@link FakeInferenceClient.Script} says (fail the first
 * calls, or every call, with a status; or never answer); everything else is forwarded. Counts the
 * calls it failed and records the batch size (first input's first dimension) of each call.
 */
public final class FaultyInferenceProxy implements AutoCloseable {

    private final ManagedChannel target;
    private final Server server;
    private final boolean always;
    private final AtomicInteger failuresLeft;
    private final Status.Code code;
    private final boolean stall;
    private final AtomicInteger failed = new AtomicInteger();
    private final List<Long> batchSizes = new CopyOnWriteArrayList<>();

    private FaultyInferenceProxy(int targetPort, FakeInferenceClient.Script script) {
        this.target =
                NettyChannelBuilder.forAddress("127.0.0.1", targetPort).usePlaintext().build();
        this.always = script.failures() < 0;
        this.failuresLeft = new AtomicInteger(Math.max(0, script.failures()));
        this.code = script.code();
        this.stall = script.stall();
        this.server =
                NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                        .addService(new Service())
                        .build();
        try {
            server.start();
        } catch (IOException e) {
            target.shutdownNow();
            throw new UncheckedIOException("Cannot start the fault-injecting proxy", e);
        }
    }

    /** Starts in front of the server on {@code targetPort}, faulting as {@code script} says. */
    public static FaultyInferenceProxy start(int targetPort, FakeInferenceClient.Script script) {
        return new FaultyInferenceProxy(targetPort, script);
    }

    public int port() {
        return server.getPort();
    }

    /** Inference calls answered with the injected failure. */
    public int failed() {
        return failed.get();
    }

    /** The batch size of every inference call received, failed or not. */
    public List<Long> batchSizes() {
        return List.copyOf(batchSizes);
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        target.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }

    private final class Service extends GRPCInferenceServiceGrpc.GRPCInferenceServiceImplBase {
        private final GRPCInferenceServiceGrpc.GRPCInferenceServiceStub upstream =
                GRPCInferenceServiceGrpc.newStub(target);

        @Override
        public void modelInfer(
                ModelInferRequest request, StreamObserver<ModelInferResponse> response) {
            if (request.getInputsCount() > 0 && request.getInputs(0).getShapeCount() > 0) {
                batchSizes.add(request.getInputs(0).getShape(0));
            }
            if (stall) {
                return; // never answered: the caller's deadline has to end it
            }
            if (always || failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                failed.incrementAndGet();
                response.onError(
                        Status.fromCode(code)
                                .withDescription("injected by FaultyInferenceProxy")
                                .asRuntimeException());
                return;
            }
            upstream.modelInfer(request, response);
        }

        @Override
        public void serverReady(
                ServerReadyRequest request, StreamObserver<ServerReadyResponse> response) {
            upstream.serverReady(request, response);
        }

        @Override
        public void modelReady(
                ModelReadyRequest request, StreamObserver<ModelReadyResponse> response) {
            upstream.modelReady(request, response);
        }
    }
}
