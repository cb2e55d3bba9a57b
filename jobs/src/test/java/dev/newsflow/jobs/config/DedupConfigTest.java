package dev.newsflow.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DedupConfigTest {

    @Test
    void defaultsAreTheBenchmarkedParameters() {
        DedupConfig config = DedupConfig.fromEnv(Map.of());

        assertThat(config.urlTtl()).isEqualTo(Duration.ofDays(7));
        assertThat(config.contentTtl()).isEqualTo(Duration.ofDays(7));
        assertThat(config.nearDuplicateTtl()).isEqualTo(Duration.ofDays(3));
        assertThat(config.shingleWords()).isEqualTo(3);
        assertThat(config.numHashes()).isEqualTo(128);
        assertThat(config.bands()).isEqualTo(42);
        assertThat(config.rows()).isEqualTo(3);
        assertThat(config.threshold()).isEqualTo(0.45);
        assertThat(config.bucketCap()).isEqualTo(64);
        assertThat(config.decisionTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(DedupConfig.defaults()).isEqualTo(config);
    }

    @Test
    void environmentVariablesOverrideEachSetting() {
        DedupConfig config =
                DedupConfig.fromEnv(
                        Map.ofEntries(
                                Map.entry(DedupConfig.URL_TTL_MS, "86400000"),
                                Map.entry(DedupConfig.CONTENT_TTL_MS, "3600000"),
                                Map.entry(DedupConfig.NEAR_DUPLICATE_TTL_MS, "60000"),
                                Map.entry(DedupConfig.SHINGLE_WORDS, "5"),
                                Map.entry(DedupConfig.HASHES, "64"),
                                Map.entry(DedupConfig.BANDS, "16"),
                                Map.entry(DedupConfig.ROWS, "4"),
                                Map.entry(DedupConfig.THRESHOLD, " 0.65 "),
                                Map.entry(DedupConfig.BUCKET_CAP, "10"),
                                Map.entry(DedupConfig.DECISION_TIMEOUT_MS, "1500")));

        assertThat(config)
                .isEqualTo(
                        new DedupConfig(
                                Duration.ofDays(1),
                                Duration.ofHours(1),
                                Duration.ofMinutes(1),
                                5,
                                64,
                                16,
                                4,
                                0.65,
                                10,
                                Duration.ofMillis(1500)));
    }

    @Test
    void invalidValuesAreRejectedNamingTheVariable() {
        assertThatThrownBy(() -> DedupConfig.fromEnv(Map.of(DedupConfig.THRESHOLD, "high")))
                .hasMessage("NEWSFLOW_DEDUP_THRESHOLD must be a decimal number, got 'high'");
        assertThatThrownBy(() -> DedupConfig.fromEnv(Map.of(DedupConfig.THRESHOLD, "1.5")))
                .hasMessage("NEWSFLOW_DEDUP_THRESHOLD must be in (0, 1], got 1.5");
        assertThatThrownBy(() -> DedupConfig.fromEnv(Map.of(DedupConfig.BANDS, "43")))
                .hasMessage(
                        "NEWSFLOW_DEDUP_BANDS × NEWSFLOW_DEDUP_ROWS must not exceed"
                                + " NEWSFLOW_DEDUP_HASHES, got 43 × 3 > 128");
        assertThatThrownBy(() -> DedupConfig.fromEnv(Map.of(DedupConfig.URL_TTL_MS, "0")))
                .hasMessage("NEWSFLOW_DEDUP_URL_TTL_MS must be positive, got PT0S");
        assertThatThrownBy(() -> DedupConfig.fromEnv(Map.of(DedupConfig.BUCKET_CAP, "0")))
                .hasMessage("NEWSFLOW_DEDUP_BUCKET_CAP must be at least 1, got 0");
        assertThatThrownBy(() -> DedupConfig.fromEnv(Map.of(DedupConfig.HASHES, "5000")))
                .hasMessage("NEWSFLOW_DEDUP_HASHES must be between 1 and 1024, got 5000");
        assertThatThrownBy(() -> DedupConfig.fromEnv(Map.of(DedupConfig.ROWS, "x")))
                .hasMessage("NEWSFLOW_DEDUP_ROWS must be a number, got 'x'");
    }
}
