package dev.newsflow.inference.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MiniLmOptionsTest {

    @Test
    void defaultsMatchSentenceTransformersAndTheMachine() {
        MiniLmOptions defaults = MiniLmOptions.defaults();

        assertThat(defaults.maxTokens()).isEqualTo(256);
        assertThat(defaults.windows()).isEqualTo(new TokenWindows(256, 32, 8));
        assertThat(defaults.maxBatchSize()).isEqualTo(MiniLmOptions.DEFAULT_MAX_BATCH_SIZE);
        assertThat(defaults.intraOpThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void withersChangeOneField() {
        MiniLmOptions options =
                MiniLmOptions.defaults()
                        .withWindows(TokenWindows.truncating(128))
                        .withMaxBatchSize(4)
                        .withIntraOpThreads(1);

        assertThat(options).isEqualTo(new MiniLmOptions(new TokenWindows(128, 0, 1), 4, 1));
        assertThat(options.maxTokens()).isEqualTo(128);
    }

    @Test
    void rejectsNonPositiveBatchAndThreads() {
        assertThatThrownBy(() -> MiniLmOptions.defaults().withMaxBatchSize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxBatchSize");
        assertThatThrownBy(() -> MiniLmOptions.defaults().withIntraOpThreads(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("intraOpThreads");
    }
}
