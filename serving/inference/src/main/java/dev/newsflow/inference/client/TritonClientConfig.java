package dev.newsflow.inference.client;

import dev.newsflow.inference.config.EnvValues;
import dev.newsflow.inference.embedding.TokenWindows;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;

/**
 * Which models {@link TritonClient} calls and how: the tensor contract of each, so that the jobs
 * can point at the local server, at Triton's ensembles, or straight at the models behind them.
 * {@link #defaults()} are the models both the local server and Triton serve ({@code embedder} with
 * text in, {@code summarizer}).
 *
 * @param embedderModel model name for embeddings
 * @param embedderInput {@link EmbedderInput#TEXT}: {@code TEXT} in, {@code EMBEDDING} out (the
 *     {@code embedder} contract); {@link EmbedderInput#TOKENS}: the client tokenizes, chunks long
 *     texts into windows and sends {@code input_ids}, {@code attention_mask}, {@code
 *     token_type_ids}, reading {@code sentence_embedding} (the {@code embedder_onnx} contract)
 * @param windows how the token mode cuts long texts; the same variables as the local server's
 * @param maxRowsPerCall token mode: most windows per {@code ModelInfer} call (Triton's {@code
 *     max_batch_size} of {@code embedder_onnx}); more are sent as concurrent calls
 * @param summarizerModel model name for summaries
 * @param summarizerBackend {@link SummarizerBackend#NEWSFLOW}: {@code TEXT} in, {@code SUMMARY} and
 *     optionally {@code IMPORTANCE} out (the {@code summarizer} contract); {@link
 *     SummarizerBackend#VLLM}: Triton's vLLM backend directly ({@link VllmSummaries})
 * @param vllm the vLLM path's prompt and sampling settings
 */
public record TritonClientConfig(
        String embedderModel,
        EmbedderInput embedderInput,
        TokenWindows windows,
        int maxRowsPerCall,
        String summarizerModel,
        SummarizerBackend summarizerBackend,
        VllmOptions vllm)
        implements Serializable {

    /** What the embedder model takes. */
    public enum EmbedderInput {
        TEXT,
        TOKENS
    }

    /** What the summarizer model is. */
    public enum SummarizerBackend {
        NEWSFLOW,
        VLLM
    }

    public static final String EMBEDDER_MODEL = "NEWSFLOW_INFERENCE_EMBEDDER_MODEL";
    public static final String EMBEDDER_INPUT = "NEWSFLOW_INFERENCE_EMBEDDER_INPUT";
    public static final String EMBEDDER_MAX_ROWS = "NEWSFLOW_INFERENCE_EMBEDDER_MAX_ROWS";
    public static final String SUMMARIZER_MODEL = "NEWSFLOW_INFERENCE_SUMMARIZER_MODEL";
    public static final String SUMMARIZER_BACKEND = "NEWSFLOW_INFERENCE_SUMMARIZER_BACKEND";

    private static final long serialVersionUID = 1L;

    public TritonClientConfig {
        Objects.requireNonNull(embedderModel, "embedderModel");
        Objects.requireNonNull(embedderInput, "embedderInput");
        Objects.requireNonNull(windows, "windows");
        Objects.requireNonNull(summarizerModel, "summarizerModel");
        Objects.requireNonNull(summarizerBackend, "summarizerBackend");
        Objects.requireNonNull(vllm, "vllm");
        if (maxRowsPerCall < 1) {
            throw new IllegalArgumentException(
                    EMBEDDER_MAX_ROWS + " must be >= 1, was " + maxRowsPerCall);
        }
    }

    /** {@code embedder} with text, {@code summarizer}: what the local server and Triton serve. */
    public static TritonClientConfig defaults() {
        return fromEnv(Map.of());
    }

    /**
     * Reads the variables above; the model names default to the contract's usual model: {@code
     * embedder} or, with tokens, {@code embedder_onnx}; {@code summarizer} or, with vLLM, {@code
     * summarizer_llm}.
     */
    public static TritonClientConfig fromEnv(Map<String, String> env) {
        EmbedderInput input =
                EnvValues.enumOf(env, EMBEDDER_INPUT, EmbedderInput.class, EmbedderInput.TEXT);
        SummarizerBackend backend =
                EnvValues.enumOf(
                        env,
                        SUMMARIZER_BACKEND,
                        SummarizerBackend.class,
                        SummarizerBackend.NEWSFLOW);
        return new TritonClientConfig(
                EnvValues.stringOf(
                        env,
                        EMBEDDER_MODEL,
                        input == EmbedderInput.TOKENS ? "embedder_onnx" : TritonClient.EMBEDDER),
                input,
                TokenWindows.fromEnv(env),
                EnvValues.intOf(env, EMBEDDER_MAX_ROWS, 128),
                EnvValues.stringOf(
                        env,
                        SUMMARIZER_MODEL,
                        backend == SummarizerBackend.VLLM
                                ? "summarizer_llm"
                                : TritonClient.SUMMARIZER),
                backend,
                VllmOptions.fromEnv(env));
    }
}
