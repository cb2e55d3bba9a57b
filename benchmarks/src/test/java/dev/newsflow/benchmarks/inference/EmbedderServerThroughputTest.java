package dev.newsflow.benchmarks.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmbedderServerThroughputTest {

    @Test
    void articlesAreCutIntoBatchesInOrderTheLastOneShorter() {
        List<String> articles = List.of("a", "b", "c", "d", "e");

        assertThat(EmbedderServerThroughput.batches(articles, 2))
                .containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e"));
    }

    @Test
    void noArticlesIsAnError() {
        assertThatThrownBy(() -> EmbedderServerThroughput.batches(List.of(), 32))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no articles to embed");
    }
}
