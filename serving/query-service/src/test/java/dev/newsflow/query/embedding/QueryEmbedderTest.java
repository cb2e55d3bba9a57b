package dev.newsflow.query.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.inference.embedding.TextEmbedder;
import dev.newsflow.query.testing.FakeTextEmbedder;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QueryEmbedderTest {

    private Vertx vertx;
    private WorkerExecutor workers;

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
        workers = vertx.createSharedWorkerExecutor("test-embedder", 1);
    }

    @AfterEach
    void stopVertx() {
        vertx.close().await();
    }

    @Test
    void embedsOneQueryOnTheWorkerPool() throws Exception {
        // Given
        FakeTextEmbedder fake = new FakeTextEmbedder();
        QueryEmbedder embedder = new QueryEmbedder(fake, workers);

        // When
        float[] vector = embedder.embed("rates").await(10, TimeUnit.SECONDS);

        // Then
        assertThat(vector).containsExactly(FakeTextEmbedder.vector("rates"));
        assertThat(fake.texts()).containsExactly("rates");
        assertThat(fake.threads()).singleElement().asString().startsWith("test-embedder");
    }

    @Test
    void failsWhenTheEmbedderReturnsTheWrongNumberOfVectors() {
        // Given an embedder that answers one query with two vectors
        TextEmbedder broken =
                new TextEmbedder() {
                    @Override
                    public int dimension() {
                        return 1;
                    }

                    @Override
                    public String modelName() {
                        return "broken";
                    }

                    @Override
                    public float[][] embed(List<String> texts) {
                        return new float[][] {{1f}, {1f}};
                    }

                    @Override
                    public void close() {}
                };

        // When / Then
        assertThatThrownBy(
                        () ->
                                new QueryEmbedder(broken, workers)
                                        .embed("rates")
                                        .await(10, TimeUnit.SECONDS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2 vectors");
    }
}
