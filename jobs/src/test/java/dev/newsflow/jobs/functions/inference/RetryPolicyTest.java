package dev.newsflow.jobs.functions.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.inference.client.InferenceException;
import dev.newsflow.jobs.functions.fetch.Backoff;
import io.grpc.Status;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RetryPolicyTest {

    private final RetryPolicy policy =
            new RetryPolicy(3, new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), 2, 0.2));
    private final SplittableRandom random = new SplittableRandom(42);

    @ParameterizedTest
    @EnumSource(
            value = Status.Code.class,
            names = {"UNAVAILABLE", "DEADLINE_EXCEEDED", "RESOURCE_EXHAUSTED", "ABORTED"})
    void transientCodesAreRetriedAfterAGrowingJitteredDelay(Status.Code code) {
        // Given: a transient failure, wrapped as a future chain wraps it
        Throwable error = new CompletionException(failure(code));

        // Then: 100 ms ± 20 %, then 200 ms ± 20 %, then 400 ms ± 20 %, then no more
        assertThat(policy.retryAfter(error, 1, random).orElseThrow())
                .isBetween(Duration.ofMillis(80), Duration.ofMillis(120));
        assertThat(policy.retryAfter(error, 2, random).orElseThrow())
                .isBetween(Duration.ofMillis(160), Duration.ofMillis(240));
        assertThat(policy.retryAfter(error, 3, random).orElseThrow())
                .isBetween(Duration.ofMillis(320), Duration.ofMillis(480));
        assertThat(policy.retryAfter(error, 4, random)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = Status.Code.class,
            names = {"INVALID_ARGUMENT", "NOT_FOUND", "INTERNAL", "UNIMPLEMENTED", "CANCELLED"})
    void otherCodesAreNeverRetried(Status.Code code) {
        assertThat(policy.retryAfter(failure(code), 1, random)).isEmpty();
        assertThat(RetryPolicy.retryable(failure(code))).isFalse();
    }

    @Test
    void aFailureOtherThanAnInferenceExceptionIsNotRetried() {
        assertThat(policy.retryAfter(new IllegalStateException("bug"), 1, random)).isEmpty();
    }

    private static InferenceException failure(Status.Code code) {
        return new InferenceException(code, "embedder: " + code, null);
    }
}
