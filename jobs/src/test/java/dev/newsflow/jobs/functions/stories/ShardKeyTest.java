package dev.newsflow.jobs.functions.stories;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShardKeyTest {

    @Test
    void theShardIsThePrimaryLanguageOrUndetermined() {
        assertThat(ShardKey.of("en-US")).isEqualTo("en");
        assertThat(ShardKey.of("DE")).isEqualTo("de");
        assertThat(ShardKey.of("pt_BR")).isEqualTo("pt");
        assertThat(ShardKey.of(null)).isEqualTo(ShardKey.UNDETERMINED);
        assertThat(ShardKey.of(" ")).isEqualTo(ShardKey.UNDETERMINED);
    }
}
