package dev.newsflow.jobs.config;

import dev.newsflow.inference.embedding.MiniLmEmbedder;
import dev.newsflow.jobs.functions.fetch.Backoff;
import dev.newsflow.jobs.functions.inference.RetryPolicy;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;

/**
 * How the enrichment job calls the inference server: where it is, how articles are micro-batched,
 * how many are in flight, and what happens to failures. Defaults serve the local stack.
 *
 * @param batchSize articles per {@code ModelInfer} call (at most)
 * @param maxWait how long the first article of a batch waits for more
 * @param capacity articles in flight per subtask (the Async I/O queue; backpressure beyond it)
 * @param maxConcurrentBatches {@code ModelInfer} batches in flight per subtask
 * @param deadline per call
 * @param timeout per article, queueing and all retries included; then it is dead-lettered
 * @param breakerFailures consecutive failed batches that open the circuit breaker
 * @param breakerCoolDown how long the breaker stays open before a probe
 * @param onFailure dead-letter the article, or fail the job and let Flink restart it (wait)
 * @param embeddingModel the name recorded on each article as the embedding's model
 */
public record InferenceConfig(
        String host,
        int port,
        int batchSize,
        Duration maxWait,
        int capacity,
        int maxConcurrentBatches,
        Duration deadline,
        Duration timeout,
        RetryPolicy retry,
        int breakerFailures,
        Duration breakerCoolDown,
        OnFailure onFailure,
        String embeddingModel)
        implements Serializable {

    /** What becomes of an article whose inference failed for good. */
    public enum OnFailure {
        DEAD_LETTER,
        FAIL
    }

    public static final String HOST = "NEWSFLOW_INFERENCE_HOST";
    public static final String PORT = "NEWSFLOW_INFERENCE_PORT";
    public static final String BATCH_SIZE = "NEWSFLOW_INFERENCE_BATCH_SIZE";
    public static final String MAX_WAIT_MS = "NEWSFLOW_INFERENCE_MAX_WAIT_MS";
    public static final String CAPACITY = "NEWSFLOW_INFERENCE_CAPACITY";
    public static final String MAX_CONCURRENT_BATCHES = "NEWSFLOW_INFERENCE_CONCURRENT_BATCHES";
    public static final String DEADLINE_MS = "NEWSFLOW_INFERENCE_DEADLINE_MS";
    public static final String TIMEOUT_MS = "NEWSFLOW_INFERENCE_TIMEOUT_MS";
    public static final String MAX_RETRIES = "NEWSFLOW_INFERENCE_MAX_RETRIES";
    public static final String BREAKER_FAILURES = "NEWSFLOW_INFERENCE_BREAKER_FAILURES";
    public static final String BREAKER_COOL_DOWN_MS = "NEWSFLOW_INFERENCE_BREAKER_COOL_DOWN_MS";
    public static final String ON_FAILURE = "NEWSFLOW_INFERENCE_ON_FAILURE";

    public InferenceConfig {
        if (batchSize < 1 || capacity < 1 || maxConcurrentBatches < 1 || breakerFailures < 1) {
            throw new IllegalArgumentException(
                    "batch size, capacity, concurrent batches and breaker failures must be >= 1");
        }
        if (deadline.isNegative() || deadline.isZero() || maxWait.isNegative()) {
            throw new IllegalArgumentException("need deadline > 0 and max wait >= 0");
        }
        if (timeout.compareTo(maxWait.plus(deadline)) <= 0) {
            throw new IllegalArgumentException(
                    TIMEOUT_MS + " must exceed max wait + deadline, got " + timeout);
        }
    }

    /** Reads the configuration from environment variables, falling back to local defaults. */
    public static InferenceConfig fromEnv(Map<String, String> env) {
        return new InferenceConfig(
                env.getOrDefault(HOST, "127.0.0.1"),
                (int) EnvValues.number(env, PORT, 8001),
                (int) EnvValues.number(env, BATCH_SIZE, 16),
                EnvValues.millis(env, MAX_WAIT_MS, Duration.ofMillis(20)),
                (int) EnvValues.number(env, CAPACITY, 64),
                (int) EnvValues.number(env, MAX_CONCURRENT_BATCHES, 2),
                EnvValues.millis(env, DEADLINE_MS, Duration.ofMillis(30_000)),
                EnvValues.millis(env, TIMEOUT_MS, Duration.ofMillis(300_000)),
                new RetryPolicy(
                        (int) EnvValues.number(env, MAX_RETRIES, 3),
                        new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), 2.0, 0.2)),
                (int) EnvValues.number(env, BREAKER_FAILURES, 5),
                EnvValues.millis(env, BREAKER_COOL_DOWN_MS, Duration.ofMillis(30_000)),
                OnFailure.valueOf(env.getOrDefault(ON_FAILURE, "DEAD_LETTER").trim()),
                MiniLmEmbedder.MODEL_NAME);
    }

    public InferenceConfig withEndpoint(String newHost, int newPort) {
        return new InferenceConfig(
                newHost,
                newPort,
                batchSize,
                maxWait,
                capacity,
                maxConcurrentBatches,
                deadline,
                timeout,
                retry,
                breakerFailures,
                breakerCoolDown,
                onFailure,
                embeddingModel);
    }

    public InferenceConfig withBatching(int newBatchSize, Duration newMaxWait) {
        return new InferenceConfig(
                host,
                port,
                newBatchSize,
                newMaxWait,
                capacity,
                maxConcurrentBatches,
                deadline,
                timeout,
                retry,
                breakerFailures,
                breakerCoolDown,
                onFailure,
                embeddingModel);
    }

    public InferenceConfig withFailureHandling(
            RetryPolicy newRetry, int newBreakerFailures, OnFailure newOnFailure) {
        return new InferenceConfig(
                host,
                port,
                batchSize,
                maxWait,
                capacity,
                maxConcurrentBatches,
                deadline,
                timeout,
                newRetry,
                newBreakerFailures,
                breakerCoolDown,
                newOnFailure,
                embeddingModel);
    }
}
