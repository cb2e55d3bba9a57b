package dev.newsflow.inference.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.inference.config.EnvValues;
import java.io.Serializable;
import java.util.Map;

/**
 * How the client asks Triton's vLLM backend for a summary ({@link VllmSummaries}). The defaults are
 * the {@code summarizer} wrapper's parameters in
 * serving/triton/model_repository/summarizer/config.pbtxt, so both paths ask the model alike.
 *
 * @param temperature sampling temperature; 0 is greedy, so a replayed article gets the same summary
 * @param topP nucleus sampling
 * @param maxTokens most tokens generated; the answer is about 100
 * @param loraName the LoRA adapter of summarizer_llm's multi_lora.json; empty for the base model
 * @param maxArticleChars articles are cut here (at a space) so that prompt, article and answer fit
 *     the model's context; the wrapper cuts at 6000 tokens with the model's own tokenizer, which
 *     the client does not have: 16,000 characters are about 4,000 tokens of English
 * @param maxSummaryChars a longer summary is cut at a word and ends with an ellipsis
 */
public record VllmOptions(
        double temperature,
        double topP,
        int maxTokens,
        String loraName,
        int maxArticleChars,
        int maxSummaryChars)
        implements Serializable {

    public static final String TEMPERATURE = "NEWSFLOW_INFERENCE_VLLM_TEMPERATURE";
    public static final String TOP_P = "NEWSFLOW_INFERENCE_VLLM_TOP_P";
    public static final String MAX_TOKENS = "NEWSFLOW_INFERENCE_VLLM_MAX_TOKENS";
    public static final String LORA_NAME = "NEWSFLOW_INFERENCE_VLLM_LORA_NAME";
    public static final String MAX_ARTICLE_CHARS = "NEWSFLOW_INFERENCE_VLLM_MAX_ARTICLE_CHARS";

    private static final long serialVersionUID = 1L;

    private static final ObjectMapper JSON = new ObjectMapper();

    public VllmOptions {
        if (!(temperature >= 0) || !(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException(
                    "need temperature >= 0 and top_p in (0, 1], got " + temperature + ", " + topP);
        }
        if (maxTokens < 1 || maxArticleChars < 1 || maxSummaryChars < 2) {
            throw new IllegalArgumentException(
                    "max tokens, article and summary characters must be positive");
        }
        loraName = loraName == null ? "" : loraName.strip();
    }

    /** The wrapper's settings: greedy, 384 tokens, adapter {@code newsflow-summarizer}. */
    public static VllmOptions defaults() {
        return fromEnv(Map.of());
    }

    /** Reads the {@code NEWSFLOW_INFERENCE_VLLM_*} variables; unset ones take the defaults. */
    public static VllmOptions fromEnv(Map<String, String> env) {
        return new VllmOptions(
                EnvValues.doubleOf(env, TEMPERATURE, 0.0),
                EnvValues.doubleOf(env, TOP_P, 1.0),
                EnvValues.intOf(env, MAX_TOKENS, 384),
                env.getOrDefault(LORA_NAME, "newsflow-summarizer"),
                EnvValues.intOf(env, MAX_ARTICLE_CHARS, 16_000),
                1500);
    }

    /**
     * The {@code sampling_parameters} JSON string, key for key what the wrapper sends: {@code
     * temperature}, {@code top_p}, {@code max_tokens}, and {@code lora_name} when an adapter is
     * set.
     */
    public String samplingParameters() {
        ObjectNode sampling = JSON.createObjectNode();
        sampling.put("temperature", temperature);
        sampling.put("top_p", topP);
        sampling.put("max_tokens", maxTokens);
        if (!loraName.isEmpty()) {
            sampling.put("lora_name", loraName);
        }
        return sampling.toString();
    }
}
