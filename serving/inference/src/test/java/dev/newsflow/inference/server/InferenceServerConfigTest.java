package dev.newsflow.inference.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.inference.embedding.TokenWindows;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InferenceServerConfigTest {

    @Test
    void defaultsServeTheLocalStackOnTritonsGrpcPort() {
        InferenceServerConfig config = InferenceServerConfig.fromEnv(Map.of());

        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8001);
        assertThat(config.embedder().maxBatchSize()).isEqualTo(32);
        assertThat(config.embedder().maxQueueDelay()).isEqualTo(Duration.ofMillis(5));
        assertThat(config.summarizer().maxBatchSize()).isEqualTo(8);
        assertThat(config.maxMessageBytes()).isEqualTo(64 << 20);
        assertThat(config.windows()).isEqualTo(TokenWindows.defaults());
    }

    @Test
    void environmentSetsTheEmbeddersWindows() {
        InferenceServerConfig config =
                InferenceServerConfig.fromEnv(
                        Map.of(
                                "NEWSFLOW_EMBEDDER_WINDOW_OVERLAP", "0",
                                "NEWSFLOW_EMBEDDER_MAX_WINDOWS", "1"));

        assertThat(config.windows()).isEqualTo(TokenWindows.truncating(256));
    }

    @Test
    void environmentOverridesEachSetting() {
        InferenceServerConfig config =
                InferenceServerConfig.fromEnv(
                        Map.of(
                                "NEWSFLOW_INFERENCE_HOST", "0.0.0.0",
                                "NEWSFLOW_INFERENCE_PORT", "0",
                                "NEWSFLOW_EMBEDDER_MAX_BATCH", "64",
                                "NEWSFLOW_EMBEDDER_MAX_QUEUE_DELAY_MS", "2",
                                "NEWSFLOW_SUMMARIZER_MAX_BATCH", "4",
                                "NEWSFLOW_SUMMARIZER_MAX_QUEUE_DELAY_MS", "20",
                                "NEWSFLOW_INFERENCE_MAX_REQUEST_BATCH", "256",
                                "NEWSFLOW_INFERENCE_THREADS", "3",
                                "NEWSFLOW_INFERENCE_MAX_MESSAGE_MB", "8",
                                "NEWSFLOW_INFERENCE_SHUTDOWN_GRACE_MS", "1500"));

        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.port()).isZero();
        assertThat(config.embedder()).isEqualTo(new BatchingOptions(64, Duration.ofMillis(2), 256));
        assertThat(config.summarizer())
                .isEqualTo(new BatchingOptions(4, Duration.ofMillis(20), 256));
        assertThat(config.intraOpThreads()).isEqualTo(3);
        assertThat(config.maxMessageBytes()).isEqualTo(8 << 20);
        assertThat(config.shutdownGrace()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void rejectsValuesThatAreNotNumbersOrOutOfRangeNamingTheVariable() {
        assertThatThrownBy(
                        () ->
                                InferenceServerConfig.fromEnv(
                                        Map.of("NEWSFLOW_INFERENCE_PORT", "http")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NEWSFLOW_INFERENCE_PORT");
        assertThatThrownBy(
                        () ->
                                InferenceServerConfig.fromEnv(
                                        Map.of("NEWSFLOW_INFERENCE_PORT", "70000")))
                .hasMessageContaining("NEWSFLOW_INFERENCE_PORT");
        assertThatThrownBy(
                        () ->
                                InferenceServerConfig.fromEnv(
                                        Map.of("NEWSFLOW_EMBEDDER_MAX_BATCH", "0")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
