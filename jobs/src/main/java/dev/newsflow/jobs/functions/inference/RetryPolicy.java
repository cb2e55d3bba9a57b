package dev.newsflow.jobs.functions.inference;

import dev.newsflow.inference.client.InferenceException;
import dev.newsflow.jobs.functions.fetch.Backoff;
import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.random.RandomGenerator;

/**
 * Whether and when to repeat a failed inference call: only for transient gRPC status codes ({@link
 * InferenceException#retryable()}: UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED), at
 * most {@code maxRetries} times, after an exponential, jittered {@link Backoff}. Anything else (an
 * INVALID_ARGUMENT will fail again) is final at once.
 */
public record RetryPolicy(int maxRetries, Backoff backoff) implements Serializable {

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, got " + maxRetries);
        }
    }

    /**
     * The delay before the next attempt after {@code failedAttempts} attempts failed, the last with
     * {@code error}; empty when the error is final or the retries are used up.
     */
    public Optional<Duration> retryAfter(
            Throwable error, int failedAttempts, RandomGenerator random) {
        if (!retryable(error) || failedAttempts > maxRetries) {
            return Optional.empty();
        }
        return Optional.of(backoff.afterFailures(failedAttempts, random));
    }

    /** Whether a retry may help: only an {@link InferenceException} with a transient code. */
    public static boolean retryable(Throwable error) {
        return unwrap(error) instanceof InferenceException e && e.retryable();
    }

    /** The failure without the {@link CompletionException} wrappers of future chains. */
    public static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
