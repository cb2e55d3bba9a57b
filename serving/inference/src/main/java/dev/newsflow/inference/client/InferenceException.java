package dev.newsflow.inference.client;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A failed inference call, with the gRPC status code the server (or the transport) gave and whether
 * retrying the same request may succeed: {@code UNAVAILABLE}, {@code DEADLINE_EXCEEDED}, {@code
 * RESOURCE_EXHAUSTED} and {@code ABORTED} are transient; {@code INVALID_ARGUMENT} and {@code
 * NOT_FOUND} will fail again and belong in a dead-letter queue.
 */
public class InferenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private static final Set<Status.Code> RETRYABLE =
            Set.of(
                    Status.Code.UNAVAILABLE,
                    Status.Code.DEADLINE_EXCEEDED,
                    Status.Code.RESOURCE_EXHAUSTED,
                    Status.Code.ABORTED);

    private final Status.Code code;

    public InferenceException(Status.Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The gRPC status code; {@code INTERNAL} for a response the client could not understand. */
    public Status.Code code() {
        return code;
    }

    /** Whether the same request may succeed later. */
    public boolean retryable() {
        return RETRYABLE.contains(code);
    }

    /** Maps any failure of a call on {@code model} to an {@link InferenceException}. */
    static InferenceException of(String model, Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof InferenceException inference) {
            return inference;
        }
        if (cause instanceof StatusRuntimeException status) {
            Status s = status.getStatus();
            return new InferenceException(
                    s.getCode(),
                    model
                            + ": "
                            + s.getCode()
                            + (s.getDescription() == null ? "" : ": " + s.getDescription()),
                    status);
        }
        if (cause instanceof CancellationException) {
            return new InferenceException(Status.Code.CANCELLED, model + ": cancelled", cause);
        }
        return new InferenceException(
                Status.Code.INTERNAL, model + ": " + cause.getMessage(), cause);
    }

    /** Waits for a call and rethrows its failure as an {@link InferenceException}. */
    static <T> T join(CompletableFuture<T> call) {
        try {
            return call.join();
        } catch (CompletionException | CancellationException e) {
            throw of("inference", e);
        }
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
