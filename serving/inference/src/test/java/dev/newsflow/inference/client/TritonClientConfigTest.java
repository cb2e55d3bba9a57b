package dev.newsflow.inference.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.inference.client.TritonClientConfig.EmbedderInput;
import dev.newsflow.inference.client.TritonClientConfig.SummarizerBackend;
import dev.newsflow.inference.embedding.TokenWindows;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the environment selects: models, tensor contracts, windows, sampling. */
class TritonClientConfigTest {

    @Test
    void defaultsCallTheModelsBothServersServeWithText() {
        TritonClientConfig config = TritonClientConfig.defaults();

        assertThat(config.embedderModel()).isEqualTo("embedder");
        assertThat(config.embedderInput()).isEqualTo(EmbedderInput.TEXT);
        assertThat(config.summarizerModel()).isEqualTo("summarizer");
        assertThat(config.summarizerBackend()).isEqualTo(SummarizerBackend.NEWSFLOW);
        assertThat(config.windows()).isEqualTo(TokenWindows.defaults());
        assertThat(config.maxRowsPerCall()).isEqualTo(128);
    }

    @Test
    void tokenModeAndVllmDefaultToTritonsModelsForThem() {
        TritonClientConfig config =
                TritonClientConfig.fromEnv(
                        Map.of(
                                "NEWSFLOW_INFERENCE_EMBEDDER_INPUT", "tokens",
                                "NEWSFLOW_INFERENCE_SUMMARIZER_BACKEND", "vllm"));

        assertThat(config.embedderModel()).isEqualTo("embedder_onnx");
        assertThat(config.summarizerModel()).isEqualTo("summarizer_llm");
    }

    @Test
    void environmentOverridesEachSetting() {
        TritonClientConfig config =
                TritonClientConfig.fromEnv(
                        Map.of(
                                "NEWSFLOW_INFERENCE_EMBEDDER_MODEL", "minilm_trt",
                                "NEWSFLOW_INFERENCE_EMBEDDER_INPUT", "TOKENS",
                                "NEWSFLOW_INFERENCE_EMBEDDER_MAX_ROWS", "64",
                                "NEWSFLOW_EMBEDDER_MAX_WINDOWS", "4",
                                "NEWSFLOW_INFERENCE_SUMMARIZER_MODEL", "qwen",
                                "NEWSFLOW_INFERENCE_SUMMARIZER_BACKEND", "vllm",
                                "NEWSFLOW_INFERENCE_VLLM_TEMPERATURE", "0.2",
                                "NEWSFLOW_INFERENCE_VLLM_MAX_TOKENS", "256",
                                "NEWSFLOW_INFERENCE_VLLM_LORA_NAME", "",
                                "NEWSFLOW_INFERENCE_VLLM_MAX_ARTICLE_CHARS", "8000"));

        assertThat(config.embedderModel()).isEqualTo("minilm_trt");
        assertThat(config.maxRowsPerCall()).isEqualTo(64);
        assertThat(config.windows().maxWindows()).isEqualTo(4);
        assertThat(config.summarizerModel()).isEqualTo("qwen");
        assertThat(config.vllm().maxArticleChars()).isEqualTo(8000);
        assertThat(config.vllm().samplingParameters())
                .isEqualTo("{\"temperature\":0.2,\"top_p\":1.0,\"max_tokens\":256}");
    }

    @Test
    void rejectsUnknownModesNamingTheVariable() {
        assertThatThrownBy(
                        () ->
                                TritonClientConfig.fromEnv(
                                        Map.of("NEWSFLOW_INFERENCE_EMBEDDER_INPUT", "ids")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NEWSFLOW_INFERENCE_EMBEDDER_INPUT")
                .hasMessageContaining("[TEXT, TOKENS]");
        assertThatThrownBy(
                        () ->
                                TritonClientConfig.fromEnv(
                                        Map.of("NEWSFLOW_INFERENCE_VLLM_TOP_P", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("top_p");
    }

    @Test
    void travelsWithAFlinkJobGraph() throws Exception {
        // Given: captured by the jobs' serializable client supplier
        TritonClientConfig config =
                TritonClientConfig.fromEnv(Map.of("NEWSFLOW_INFERENCE_SUMMARIZER_BACKEND", "vllm"));

        // When
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(config);
        }
        Object copy;
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = in.readObject();
        }

        // Then
        assertThat(copy).isEqualTo(config);
    }
}
