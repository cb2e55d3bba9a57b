package dev.newsflow.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.jobs.functions.stories.Importance;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoryConfigTest {

    @Test
    void defaultsAreTheTunedAndDocumentedValues() {
        StoryConfig config = StoryConfig.fromEnv(Map.of());

        assertThat(config.threshold()).isEqualTo(0.78);
        assertThat(config.keywordBonus()).isEqualTo(0.05);
        assertThat(config.window()).isEqualTo(Duration.ofHours(24));
        assertThat(config.maxActiveStories()).isEqualTo(2_000);
        assertThat(config.maxMembers()).isEqualTo(50);
        assertThat(config.halfLife()).isEqualTo(Duration.ofHours(6));
        assertThat(config.weights()).isEqualTo(StoryConfig.DEFAULT_WEIGHTS);
        assertThat(config.weights().values().stream().mapToDouble(Double::doubleValue).sum())
                .isEqualTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(config.authority()).isEmpty();
        assertThat(config.defaultAuthority()).isEqualTo(0.5);
        assertThat(config.stateTtl()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void environmentVariablesOverrideEachSetting() {
        StoryConfig config =
                StoryConfig.fromEnv(
                        Map.ofEntries(
                                Map.entry(StoryConfig.THRESHOLD, "0.65"),
                                Map.entry(StoryConfig.KEYWORD_BONUS, " 0.2 "),
                                Map.entry(StoryConfig.WINDOW_MS, "7200000"),
                                Map.entry(StoryConfig.MAX_ACTIVE, "300"),
                                Map.entry(StoryConfig.MAX_MEMBERS, "20"),
                                Map.entry(StoryConfig.HALF_LIFE_MS, "3600000"),
                                Map.entry(StoryConfig.WEIGHT_PREFIX + "MODEL", "0"),
                                Map.entry(StoryConfig.WEIGHT_PREFIX + "NOVELTY", "0.5"),
                                Map.entry(
                                        StoryConfig.SOURCE_AUTHORITY,
                                        "APNews.com=0.9, reuters.com = 0.85,"),
                                Map.entry(StoryConfig.DEFAULT_AUTHORITY, "0.3"),
                                Map.entry(StoryConfig.STATE_TTL_MS, "86400000")));

        assertThat(config.threshold()).isEqualTo(0.65);
        assertThat(config.keywordBonus()).isEqualTo(0.2);
        assertThat(config.window()).isEqualTo(Duration.ofHours(2));
        assertThat(config.maxActiveStories()).isEqualTo(300);
        assertThat(config.maxMembers()).isEqualTo(20);
        assertThat(config.halfLife()).isEqualTo(Duration.ofHours(1));
        assertThat(config.weights())
                .containsEntry(Importance.MODEL, 0.0)
                .containsEntry(Importance.NOVELTY, 0.5)
                .containsEntry(Importance.SOURCES, 0.25);
        assertThat(config.authority()).isEqualTo(Map.of("apnews.com", 0.9, "reuters.com", 0.85));
        assertThat(config.defaultAuthority()).isEqualTo(0.3);
        assertThat(config.stateTtl()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void nonsenseIsRefusedNamingTheVariable() {
        assertRefused(Map.of(StoryConfig.THRESHOLD, "high"), StoryConfig.THRESHOLD);
        assertRefused(Map.of(StoryConfig.THRESHOLD, "0"), StoryConfig.THRESHOLD);
        assertRefused(Map.of(StoryConfig.THRESHOLD, "1.2"), StoryConfig.THRESHOLD);
        assertRefused(Map.of(StoryConfig.KEYWORD_BONUS, "-0.1"), StoryConfig.KEYWORD_BONUS);
        assertRefused(Map.of(StoryConfig.WINDOW_MS, "0"), StoryConfig.WINDOW_MS);
        assertRefused(Map.of(StoryConfig.MAX_ACTIVE, "0"), StoryConfig.MAX_ACTIVE);
        assertRefused(Map.of(StoryConfig.MAX_MEMBERS, "0"), StoryConfig.MAX_MEMBERS);
        assertRefused(Map.of(StoryConfig.HALF_LIFE_MS, "-1"), StoryConfig.HALF_LIFE_MS);
        assertRefused(
                Map.of(StoryConfig.WEIGHT_PREFIX + "SOURCES", "-1"),
                StoryConfig.WEIGHT_PREFIX + "SOURCES");
        assertRefused(
                Map.of(StoryConfig.SOURCE_AUTHORITY, "apnews.com"), StoryConfig.SOURCE_AUTHORITY);
        assertRefused(
                Map.of(StoryConfig.SOURCE_AUTHORITY, "apnews.com=1.5"),
                StoryConfig.SOURCE_AUTHORITY);
        assertRefused(Map.of(StoryConfig.DEFAULT_AUTHORITY, "2"), StoryConfig.DEFAULT_AUTHORITY);
        assertRefused(Map.of(StoryConfig.STATE_TTL_MS, "3600000"), StoryConfig.STATE_TTL_MS);
    }

    @Test
    void theWeightsMustNotDependOnTheModelRatingAlone() {
        Map<String, String> onlyModel =
                Map.of(
                        StoryConfig.WEIGHT_PREFIX + "SOURCES", "0",
                        StoryConfig.WEIGHT_PREFIX + "VELOCITY", "0",
                        StoryConfig.WEIGHT_PREFIX + "AUTHORITY", "0",
                        StoryConfig.WEIGHT_PREFIX + "RECENCY", "0",
                        StoryConfig.WEIGHT_PREFIX + "NOVELTY", "0");

        assertThatThrownBy(() -> StoryConfig.fromEnv(onlyModel))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("other than model");
    }

    private static void assertRefused(Map<String, String> env, String variable) {
        assertThatThrownBy(() -> StoryConfig.fromEnv(env))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(variable);
    }
}
