package dev.newsflow.inference.server;

import dev.newsflow.inference.config.EnvValues;
import dev.newsflow.inference.embedding.TokenWindows;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of the local inference server; {@link #fromEnv(Map)} reads the environment variables
 * below, and every one has a default for the local stack.
 *
 * @param host address to bind; {@code 127.0.0.1} keeps the server local
 * @param port gRPC port; {@code 0} picks a free one (read it back from {@link
 *     InferenceServer#port()})
 * @param embedder dynamic batching of the {@code embedder} model (texts) and of {@code
 *     embedder_onnx} (rows of word pieces)
 * @param windows how the server's own MiniLM cuts long texts ({@link TokenWindows}; {@value
 *     TokenWindows#OVERLAP_ENV}, {@value TokenWindows#MAX_WINDOWS_ENV})
 * @param summarizer dynamic batching of the {@code summarizer} model (articles, not sentences)
 * @param intraOpThreads ONNX Runtime threads inside one model call
 * @param maxMessageBytes largest request or response message
 * @param shutdownGrace how long requests in flight may take to finish on shutdown
 */
public record InferenceServerConfig(
        String host,
        int port,
        BatchingOptions embedder,
        TokenWindows windows,
        BatchingOptions summarizer,
        int intraOpThreads,
        int maxMessageBytes,
        Duration shutdownGrace) {

    public static final String HOST = "NEWSFLOW_INFERENCE_HOST";
    public static final String PORT = "NEWSFLOW_INFERENCE_PORT";
    public static final String EMBEDDER_MAX_BATCH = "NEWSFLOW_EMBEDDER_MAX_BATCH";
    public static final String EMBEDDER_MAX_QUEUE_DELAY_MS = "NEWSFLOW_EMBEDDER_MAX_QUEUE_DELAY_MS";
    public static final String SUMMARIZER_MAX_BATCH = "NEWSFLOW_SUMMARIZER_MAX_BATCH";
    public static final String SUMMARIZER_MAX_QUEUE_DELAY_MS =
            "NEWSFLOW_SUMMARIZER_MAX_QUEUE_DELAY_MS";
    public static final String MAX_REQUEST_BATCH = "NEWSFLOW_INFERENCE_MAX_REQUEST_BATCH";
    public static final String THREADS = "NEWSFLOW_INFERENCE_THREADS";
    public static final String MAX_MESSAGE_MB = "NEWSFLOW_INFERENCE_MAX_MESSAGE_MB";
    public static final String SHUTDOWN_GRACE_MS = "NEWSFLOW_INFERENCE_SHUTDOWN_GRACE_MS";

    /** Triton's default gRPC port, so that clients configured for Triton find the local server. */
    public static final int DEFAULT_PORT = 8001;

    public InferenceServerConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(PORT + " must be in [0, 65535], was " + port);
        }
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException(THREADS + " must be >= 1, was " + intraOpThreads);
        }
        if (maxMessageBytes < 1 << 20) {
            throw new IllegalArgumentException(MAX_MESSAGE_MB + " must be >= 1");
        }
    }

    /**
     * Defaults: 127.0.0.1:8001, embedder batches of 32 within 5 ms, summarizer of 8 within 5 ms.
     */
    public static InferenceServerConfig defaults() {
        return fromEnv(Map.of());
    }

    /** Reads the {@code NEWSFLOW_INFERENCE_*} variables; unset ones take their defaults. */
    public static InferenceServerConfig fromEnv(Map<String, String> env) {
        int maxRequestBatch = EnvValues.intOf(env, MAX_REQUEST_BATCH, 1024);
        return new InferenceServerConfig(
                env.getOrDefault(HOST, "127.0.0.1"),
                EnvValues.intOf(env, PORT, DEFAULT_PORT),
                new BatchingOptions(
                        EnvValues.intOf(env, EMBEDDER_MAX_BATCH, 32),
                        Duration.ofMillis(EnvValues.intOf(env, EMBEDDER_MAX_QUEUE_DELAY_MS, 5)),
                        maxRequestBatch),
                TokenWindows.fromEnv(env),
                new BatchingOptions(
                        EnvValues.intOf(env, SUMMARIZER_MAX_BATCH, 8),
                        Duration.ofMillis(EnvValues.intOf(env, SUMMARIZER_MAX_QUEUE_DELAY_MS, 5)),
                        maxRequestBatch),
                EnvValues.intOf(env, THREADS, Runtime.getRuntime().availableProcessors()),
                EnvValues.intOf(env, MAX_MESSAGE_MB, 64) << 20,
                Duration.ofMillis(EnvValues.intOf(env, SHUTDOWN_GRACE_MS, 10_000)));
    }

    public InferenceServerConfig withPort(int value) {
        return new InferenceServerConfig(
                host,
                value,
                embedder,
                windows,
                summarizer,
                intraOpThreads,
                maxMessageBytes,
                shutdownGrace);
    }

    public InferenceServerConfig withBatching(
            BatchingOptions embedderValue, BatchingOptions summarizerValue) {
        return new InferenceServerConfig(
                host,
                port,
                embedderValue,
                windows,
                summarizerValue,
                intraOpThreads,
                maxMessageBytes,
                shutdownGrace);
    }
}
