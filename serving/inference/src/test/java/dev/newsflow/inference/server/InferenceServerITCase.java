package dev.newsflow.inference.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.newsflow.inference.client.InferenceException;
import dev.newsflow.inference.client.TritonClient;
import dev.newsflow.inference.embedding.MiniLmEmbedder;
import dev.newsflow.inference.grpc.GRPCInferenceServiceGrpc;
import dev.newsflow.inference.grpc.GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub;
import dev.newsflow.inference.grpc.ModelMetadataRequest;
import dev.newsflow.inference.grpc.ModelMetadataResponse;
import dev.newsflow.inference.protocol.TensorCodec;
import dev.newsflow.inference.summarization.SentenceSplitter;
import dev.newsflow.inference.testing.InferRequests;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real server (all-MiniLM-L6-v2 through ONNX Runtime, the extractive summarizer) on a free
 * loopback port, called over gRPC exactly as the jobs call Triton.
 */
class InferenceServerITCase {

    private static final String ARTICLE =
            "The city council approved a 40-million-euro flood barrier on Tuesday after a"
                    + " four-hour debate. The barrier will protect about 4,000 homes along the river"
                    + " that flooded twice in the past decade. Construction starts in March and is"
                    + " expected to take two years. Opposition members said cheaper options, such as"
                    + " moving the most exposed homes, had not been studied. Mayor Anna Berg called"
                    + " the vote a turning point for the city. A local bakery also celebrated its"
                    + " hundredth anniversary this week.";

    private static MiniLmEmbedder embedder;
    private static InferenceServer server;
    private static TritonClient client;
    private static ManagedChannel channel;
    private static GRPCInferenceServiceBlockingStub stub;

    @BeforeAll
    static void start() {
        embedder = new MiniLmEmbedder();
        server = InferenceServer.start(InferenceServerConfig.defaults().withPort(0), embedder);
        client = TritonClient.connect("127.0.0.1", server.port(), Duration.ofSeconds(60));
        channel =
                Grpc.newChannelBuilderForAddress(
                                "127.0.0.1", server.port(), InsecureChannelCredentials.create())
                        .build();
        stub = GRPCInferenceServiceGrpc.newBlockingStub(channel);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        client.close();
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.close();
        embedder.close();
    }

    @Test
    void serverAndModelsAreReady() {
        assertThat(client.serverReady()).isTrue();
        assertThat(client.modelReady("embedder")).isTrue();
        assertThat(client.modelReady("summarizer")).isTrue();
        assertThat(client.modelReady("llama-7b")).isFalse();
    }

    @Test
    void embedderMetadataHasThe384DimensionalOutput() {
        ModelMetadataResponse metadata =
                stub.modelMetadata(ModelMetadataRequest.newBuilder().setName("embedder").build());

        assertThat(metadata.getVersionsList()).containsExactly("1");
        assertThat(metadata.getInputs(0).getShapeList()).containsExactly(-1L, 1L);
        assertThat(metadata.getOutputs(0).getShapeList()).containsExactly(-1L, 384L);
        assertThat(metadata.getOutputs(0).getDatatype()).isEqualTo("FP32");
    }

    @Test
    void embeddingsOverGrpcMatchTheModelInProcess() {
        // Given
        List<String> texts =
                List.of(
                        "Flood barrier approved after a four-hour debate",
                        "Central bank holds interest rates",
                        "",
                        "Café déjà vu — 東京",
                        ARTICLE);

        // When
        float[][] remote = client.embed(texts);
        float[][] local = embedder.embed(texts);

        // Then
        assertThat(remote).hasNumberOfRows(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            assertThat(remote[i]).hasSize(384);
            for (int d = 0; d < 384; d++) {
                assertThat(remote[i][d])
                        .as("text %d, dim %d", i, d)
                        .isCloseTo(local[i][d], within(1e-5f));
            }
        }
    }

    @Test
    void concurrentRequestsAreMergedByTheDynamicBatcher() throws Exception {
        // Given
        DynamicBatcher<?, float[]> batcher = ((EmbedderModel<?>) server.models().get(0)).batcher();
        long executionsBefore = batcher.executionCount();
        long inferencesBefore = batcher.inferenceCount();

        // When: 24 single-text requests at once
        List<CompletableFuture<float[][]>> calls = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            calls.add(
                    client.embedAsync(List.of("request number " + i + " about the flood barrier")));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        // Then: every answer arrived, in fewer model calls than requests
        assertThat(batcher.inferenceCount() - inferencesBefore).isEqualTo(24);
        assertThat(batcher.executionCount() - executionsBefore).isLessThan(24);
        assertThat(calls.get(7).get()[0])
                .containsExactly(
                        embedder.embed(List.of("request number 7 about the flood barrier"))[0],
                        within(1e-5f));
    }

    @Test
    void summarizesWithSentencesOfTheArticleInOrder() {
        // When
        List<String> summaries = client.summarize(List.of(ARTICLE, "Just one line."));

        // Then
        SentenceSplitter splitter = new SentenceSplitter();
        List<String> sentences = splitter.split(summaries.get(0));
        assertThat(sentences).hasSize(3);
        assertThat(splitter.split(ARTICLE)).containsSubsequence(sentences);
        assertThat(summaries.get(0)).startsWith("The city council approved");
        assertThat(summaries.get(1)).isEqualTo("Just one line.");
    }

    @Test
    void badRequestsAreInvalidArgumentAndUnknownModelsNotFound() {
        assertThatThrownBy(
                        () ->
                                stub.modelInfer(
                                        InferRequests.raw(
                                                        "embedder",
                                                        "TEXT",
                                                        "INT64",
                                                        List.of(1L, 1L),
                                                        TensorCodec.encodeInt64(new long[] {42}))
                                                .build()))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> {
                            assertThat(e.getStatus().getCode())
                                    .isEqualTo(Status.Code.INVALID_ARGUMENT);
                            assertThat(e.getStatus().getDescription())
                                    .contains("data-type is 'INT64'");
                        });
        assertThatThrownBy(
                        () ->
                                stub.modelMetadata(
                                        ModelMetadataRequest.newBuilder()
                                                .setName("llama-7b")
                                                .build()))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        assertThatThrownBy(() -> client.embed(java.util.Collections.nCopies(1025, "x")))
                .isInstanceOfSatisfying(
                        InferenceException.class,
                        e -> assertThat(e.code()).isEqualTo(Status.Code.INVALID_ARGUMENT));
        // And the server still answers
        assertThat(client.embed(List.of("still here"))).hasNumberOfRows(1);
    }
}
