package dev.newsflow.inference.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.newsflow.inference.embedding.TextEmbedder;
import dev.newsflow.inference.grpc.InferTensorContents;
import dev.newsflow.inference.grpc.ModelInferRequest;
import dev.newsflow.inference.grpc.ModelInferResponse;
import dev.newsflow.inference.grpc.ModelInferResponse.InferOutputTensor;
import dev.newsflow.inference.protocol.MalformedTensorException;
import dev.newsflow.inference.protocol.TensorCodec;
import dev.newsflow.inference.server.BatchingOptions;
import dev.newsflow.inference.server.InferenceServer;
import dev.newsflow.inference.server.InferenceServerConfig;
import dev.newsflow.inference.testing.FakeTextEmbedder;
import io.grpc.Status;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link TritonClient} against the local server (bag-of-words embedder) and on crafted responses.
 */
class TritonClientTest {

    private static InferenceServer server;
    private static TritonClient client;

    @BeforeAll
    static void start() {
        BatchingOptions batching = new BatchingOptions(32, Duration.ofMillis(1), 8);
        server =
                InferenceServer.start(
                        InferenceServerConfig.defaults()
                                .withPort(0)
                                .withBatching(batching, batching),
                        new FakeTextEmbedder());
        client = TritonClient.connect("127.0.0.1", server.port(), Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void embedsTextsInOrder() {
        float[][] vectors =
                client.embed(List.of("flood barrier", "rate decision", "flood barrier"));

        assertThat(vectors).hasNumberOfRows(3);
        assertThat(vectors[0]).containsExactly(FakeTextEmbedder.vector("flood barrier"));
        assertThat(vectors[1]).containsExactly(FakeTextEmbedder.vector("rate decision"));
        assertThat(vectors[2]).containsExactly(vectors[0]);
    }

    @Test
    void summarizesArticlesInOrder() {
        List<String> summaries = client.summarize(List.of("One sentence.", "", "First. Second."));

        assertThat(summaries).containsExactly("One sentence.", "", "First. Second.");
    }

    @Test
    void emptyBatchesMakeNoCall() {
        assertThat(client.embed(List.of())).isEmpty();
        assertThat(client.summarize(List.of())).isEmpty();
    }

    @Test
    void reportsReadiness() {
        assertThat(client.serverReady()).isTrue();
        assertThat(client.modelReady("embedder")).isTrue();
        assertThat(client.modelReady("summarizer")).isTrue();
        assertThat(client.modelReady("llama")).isFalse();
    }

    @Test
    void aRejectedRequestIsNotRetryable() {
        // Given: more texts than the server accepts in one request (8)
        List<String> tooMany = java.util.Collections.nCopies(9, "x");

        // Then
        assertThatThrownBy(() -> client.embed(tooMany))
                .isInstanceOfSatisfying(
                        InferenceException.class,
                        e -> {
                            assertThat(e.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                            assertThat(e.retryable()).isFalse();
                            assertThat(e.getMessage()).contains("embedder", "batch-size");
                        });
    }

    @Test
    void aNullTextFailsWithoutACall() {
        assertThatThrownBy(() -> client.embed(Arrays.asList("a", null)))
                .isInstanceOfSatisfying(
                        InferenceException.class,
                        e -> {
                            assertThat(e.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                            assertThat(e.getMessage()).contains("texts[1] is null");
                        });
    }

    @Test
    void anUnreachableServerIsNotReadyAndRetryable() throws Exception {
        // Given: a port nobody listens on
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (TritonClient nowhere =
                TritonClient.connect("127.0.0.1", port, Duration.ofSeconds(5))) {
            // Then
            assertThat(nowhere.serverReady()).isFalse();
            assertThat(nowhere.modelReady("embedder")).isFalse();
            assertThatThrownBy(() -> nowhere.embed(List.of("x")))
                    .isInstanceOfSatisfying(
                            InferenceException.class,
                            e -> {
                                assertThat(e.code()).isEqualTo(Status.Code.UNAVAILABLE);
                                assertThat(e.retryable()).isTrue();
                            });
        }
    }

    @Test
    void aSlowServerRunsIntoTheDeadline() {
        // Given: an embedder that takes longer than the client's deadline
        CountDownLatch release = new CountDownLatch(1);
        TextEmbedder slow =
                new FakeTextEmbedder() {
                    @Override
                    public float[][] embed(List<String> texts) {
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return super.embed(texts);
                    }
                };
        try (InferenceServer slowServer =
                        InferenceServer.start(InferenceServerConfig.defaults().withPort(0), slow);
                TritonClient impatient =
                        TritonClient.connect(
                                "127.0.0.1", slowServer.port(), Duration.ofMillis(200))) {
            // Then
            assertThatThrownBy(() -> impatient.embed(List.of("x")))
                    .isInstanceOfSatisfying(
                            InferenceException.class,
                            e -> {
                                assertThat(e.code()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
                                assertThat(e.retryable()).isTrue();
                            });
            release.countDown();
        }
    }

    @Test
    void sendsOneBytesTensorOfShapeBatchByOneInRawContents() {
        ModelInferRequest request = TritonClient.request("embedder", List.of("a", "bc"));

        assertThat(request.getModelName()).isEqualTo("embedder");
        assertThat(request.getInputs(0).getName()).isEqualTo("TEXT");
        assertThat(request.getInputs(0).getDatatype()).isEqualTo("BYTES");
        assertThat(request.getInputs(0).getShapeList()).containsExactly(2L, 1L);
        assertThat(request.getRawInputContentsList())
                .containsExactly(TensorCodec.encodeStrings(List.of("a", "bc")));
        assertThat(request.getId()).startsWith("embedder-");
    }

    @Test
    void readsEmbeddingsFromTypedContentsToo() {
        // Given: a server that answers with fp32_contents instead of raw bytes
        ModelInferResponse response =
                ModelInferResponse.newBuilder()
                        .addOutputs(
                                InferOutputTensor.newBuilder()
                                        .setName("EMBEDDING")
                                        .setDatatype("FP32")
                                        .addShape(2)
                                        .addShape(2)
                                        .setContents(
                                                InferTensorContents.newBuilder()
                                                        .addAllFp32Contents(
                                                                List.of(1f, 2f, 3f, 4f))))
                        .build();

        // Then
        assertThat(TritonClient.readEmbeddings(response, 2))
                .isDeepEqualTo(new float[][] {{1f, 2f}, {3f, 4f}});
    }

    @Test
    void readsSummariesFromTypedContentsToo() {
        ModelInferResponse response =
                ModelInferResponse.newBuilder()
                        .addOutputs(
                                InferOutputTensor.newBuilder()
                                        .setName("SUMMARY")
                                        .setDatatype("BYTES")
                                        .addShape(1)
                                        .addShape(1)
                                        .setContents(
                                                InferTensorContents.newBuilder()
                                                        .addBytesContents(
                                                                ByteString.copyFromUtf8("Sum."))))
                        .build();

        assertThat(TritonClient.readSummaries(response, 1))
                .containsExactly(Summary.unrated("Sum."));
    }

    @Test
    void readsTheImportanceRatingWhereTheServerGivesOne() {
        // Given: Triton's summarizer wrapper answers SUMMARY and IMPORTANCE (NaN = no rating)
        ModelInferResponse response =
                ModelInferResponse.newBuilder()
                        .addOutputs(output("SUMMARY", "BYTES"))
                        .addOutputs(output("IMPORTANCE", "FP32"))
                        .addRawOutputContents(TensorCodec.encodeStrings(List.of("A.", "B.", "C.")))
                        .addRawOutputContents(
                                TensorCodec.encodeFp32(new float[][] {{0.75f, Float.NaN, 3f}}))
                        .build();

        // Then: a rating off the scale counts as none
        assertThat(TritonClient.readSummaries(response, 3))
                .containsExactly(
                        Summary.of("A.", 0.75f), Summary.unrated("B."), Summary.unrated("C."));
    }

    private static InferOutputTensor output(String name, String datatype) {
        return InferOutputTensor.newBuilder()
                .setName(name)
                .setDatatype(datatype)
                .addShape(3)
                .addShape(1)
                .build();
    }

    @Test
    void theLocalSummarizerGivesNoRating() {
        assertThat(client.summarizeWithRating(List.of("One sentence.", "")))
                .containsExactly(Summary.unrated("One sentence."), Summary.unrated(""));
    }

    @Test
    void rejectsResponsesThatDoNotMatchTheRequest() {
        ModelInferResponse wrongBatch =
                ModelInferResponse.newBuilder()
                        .setModelName("embedder")
                        .addOutputs(
                                InferOutputTensor.newBuilder()
                                        .setName("EMBEDDING")
                                        .setDatatype("FP32")
                                        .addShape(1)
                                        .addShape(2))
                        .addRawOutputContents(TensorCodec.encodeFp32(new float[][] {{1f, 2f}}))
                        .build();
        ModelInferResponse missing =
                ModelInferResponse.newBuilder().setModelName("embedder").build();

        assertThatThrownBy(() -> TritonClient.readEmbeddings(wrongBatch, 2))
                .isInstanceOf(MalformedTensorException.class)
                .hasMessageContaining("shape [1, 2], expected [2, dim]");
        assertThatThrownBy(() -> TritonClient.readEmbeddings(missing, 1))
                .isInstanceOf(MalformedTensorException.class)
                .hasMessageContaining("no output EMBEDDING");
    }
}
