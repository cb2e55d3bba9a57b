package dev.newsflow.inference.server;

import dev.newsflow.inference.grpc.GRPCInferenceServiceGrpc;
import dev.newsflow.inference.grpc.ModelInferRequest;
import dev.newsflow.inference.grpc.ModelInferResponse;
import dev.newsflow.inference.grpc.ModelMetadataRequest;
import dev.newsflow.inference.grpc.ModelMetadataResponse;
import dev.newsflow.inference.grpc.ModelReadyRequest;
import dev.newsflow.inference.grpc.ModelReadyResponse;
import dev.newsflow.inference.grpc.ServerLiveRequest;
import dev.newsflow.inference.grpc.ServerLiveResponse;
import dev.newsflow.inference.grpc.ServerMetadataRequest;
import dev.newsflow.inference.grpc.ServerMetadataResponse;
import dev.newsflow.inference.grpc.ServerReadyRequest;
import dev.newsflow.inference.grpc.ServerReadyResponse;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The KServe v2 / Triton {@code GRPCInferenceService} over a fixed set of {@link ServedModel}s,
 * answering as Triton does: an unknown model or version is {@code NOT_FOUND} for metadata and
 * inference (and simply not ready for {@code ModelReady}, which Triton answers with {@code
 * ready=false}), a request that does not fit the model is {@code INVALID_ARGUMENT}, a model failure
 * is {@code INTERNAL}, and a server shutting down is {@code UNAVAILABLE}.
 */
public final class InferenceService extends GRPCInferenceServiceGrpc.GRPCInferenceServiceImplBase {

    public static final String SERVER_NAME = "newsflow-inference";

    private static final Logger LOG = LoggerFactory.getLogger(InferenceService.class);

    private final Map<String, ServedModel> models = new LinkedHashMap<>();
    private volatile boolean ready = true;

    public InferenceService(List<ServedModel> models) {
        for (ServedModel model : models) {
            if (this.models.put(model.name(), model) != null) {
                throw new IllegalArgumentException("two models named '" + model.name() + "'");
            }
        }
    }

    /** Called first on shutdown: readiness turns false while requests in flight finish. */
    void markNotReady() {
        ready = false;
    }

    @Override
    public void serverLive(ServerLiveRequest request, StreamObserver<ServerLiveResponse> out) {
        out.onNext(ServerLiveResponse.newBuilder().setLive(true).build());
        out.onCompleted();
    }

    @Override
    public void serverReady(ServerReadyRequest request, StreamObserver<ServerReadyResponse> out) {
        out.onNext(ServerReadyResponse.newBuilder().setReady(ready).build());
        out.onCompleted();
    }

    @Override
    public void serverMetadata(
            ServerMetadataRequest request, StreamObserver<ServerMetadataResponse> out) {
        String version = InferenceService.class.getPackage().getImplementationVersion();
        out.onNext(
                ServerMetadataResponse.newBuilder()
                        .setName(SERVER_NAME)
                        .setVersion(version == null ? "dev" : version)
                        .build());
        out.onCompleted();
    }

    @Override
    public void modelReady(ModelReadyRequest request, StreamObserver<ModelReadyResponse> out) {
        boolean found = find(request.getName(), request.getVersion()).isPresent();
        out.onNext(ModelReadyResponse.newBuilder().setReady(ready && found).build());
        out.onCompleted();
    }

    @Override
    public void modelMetadata(
            ModelMetadataRequest request, StreamObserver<ModelMetadataResponse> out) {
        Optional<ServedModel> model = find(request.getName(), request.getVersion());
        if (model.isEmpty()) {
            out.onError(notFound(request.getName(), request.getVersion()));
            return;
        }
        ModelMetadataResponse.Builder metadata =
                ModelMetadataResponse.newBuilder()
                        .setName(model.get().name())
                        .addVersions(ServedModel.VERSION)
                        .setPlatform(model.get().platform());
        model.get().inputs().forEach(spec -> metadata.addInputs(spec.toMetadata()));
        model.get().outputs().forEach(spec -> metadata.addOutputs(spec.toMetadata()));
        out.onNext(metadata.build());
        out.onCompleted();
    }

    @Override
    public void modelInfer(ModelInferRequest request, StreamObserver<ModelInferResponse> out) {
        Optional<ServedModel> model = find(request.getModelName(), request.getModelVersion());
        if (model.isEmpty()) {
            out.onError(notFound(request.getModelName(), request.getModelVersion()));
            return;
        }
        CompletableFuture<ModelInferResponse> response;
        try {
            response = model.get().infer(request);
        } catch (IllegalArgumentException e) {
            // InvalidInferenceRequestException and anything else the request itself caused.
            LOG.debug(
                    "Rejected request '{}' for model '{}': {}",
                    request.getId(),
                    request.getModelName(),
                    e.getMessage());
            out.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asException());
            return;
        } catch (RuntimeException e) {
            out.onError(internal(request, e));
            return;
        }
        response.whenComplete(
                (result, error) -> {
                    // Runs on the batcher's thread: never let a dead call throw into it.
                    try {
                        if (error == null) {
                            out.onNext(result);
                            out.onCompleted();
                        } else {
                            out.onError(internal(request, unwrap(error)));
                        }
                    } catch (RuntimeException e) {
                        LOG.debug(
                                "Could not answer request '{}' for model '{}' (cancelled?): {}",
                                request.getId(),
                                request.getModelName(),
                                e.toString());
                    }
                });
    }

    private Optional<ServedModel> find(String name, String version) {
        if (!version.isEmpty() && !version.equals(ServedModel.VERSION)) {
            return Optional.empty();
        }
        return Optional.ofNullable(models.get(name));
    }

    private static Exception notFound(String name, String version) {
        String which = version.isEmpty() ? "" : " version " + version;
        return Status.NOT_FOUND
                .withDescription(
                        "Request for unknown model: '" + name + "'" + which + " is not found")
                .asException();
    }

    private static Exception internal(ModelInferRequest request, Throwable error) {
        if (error instanceof RejectedExecutionException) {
            return Status.UNAVAILABLE.withDescription(error.getMessage()).asException();
        }
        LOG.error(
                "Model '{}' failed on request '{}' ({} inputs)",
                request.getModelName(),
                request.getId(),
                request.getInputsCount(),
                error);
        return Status.INTERNAL
                .withDescription(
                        "model '" + request.getModelName() + "' failed: " + error.getMessage())
                .asException();
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null
                ? error.getCause()
                : error;
    }
}
