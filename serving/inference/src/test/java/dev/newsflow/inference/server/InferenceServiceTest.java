package dev.newsflow.inference.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.newsflow.inference.grpc.GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub;
import dev.newsflow.inference.grpc.ModelInferRequest;
import dev.newsflow.inference.grpc.ModelInferResponse;
import dev.newsflow.inference.grpc.ModelMetadataRequest;
import dev.newsflow.inference.grpc.ModelMetadataResponse;
import dev.newsflow.inference.grpc.ModelReadyRequest;
import dev.newsflow.inference.grpc.ServerLiveRequest;
import dev.newsflow.inference.grpc.ServerMetadataRequest;
import dev.newsflow.inference.grpc.ServerReadyRequest;
import dev.newsflow.inference.protocol.TensorCodec;
import dev.newsflow.inference.testing.FakeTextEmbedder;
import dev.newsflow.inference.testing.InferRequests;
import dev.newsflow.inference.testing.LoopbackServer;
import io.grpc.Status;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The protocol surface of the server over real gRPC on loopback, with a bag-of-words embedder so
 * that no model is needed: health, metadata, and every way a request can be wrong.
 */
class InferenceServiceTest {

    private static final int MAX_REQUEST_BATCH = 4;

    private static LoopbackServer loopback;
    private static InferenceServer server;

    @BeforeAll
    static void startServer() {
        loopback = LoopbackServer.start(new FakeTextEmbedder(), MAX_REQUEST_BATCH);
        server = loopback.server();
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        loopback.close();
    }

    private static GRPCInferenceServiceBlockingStub stub() {
        return loopback.stub();
    }

    private static void assertStatus(ThrowingCallable call, Status.Code code, String message) {
        LoopbackServer.assertStatus(call, code, message);
    }

    @Test
    void listensOnAFreeLoopbackPortAndIsLiveAndReady() {
        assertThat(server.port()).isPositive();
        assertThat(stub().serverLive(ServerLiveRequest.getDefaultInstance()).getLive()).isTrue();
        assertThat(stub().serverReady(ServerReadyRequest.getDefaultInstance()).getReady()).isTrue();
        assertThat(stub().serverMetadata(ServerMetadataRequest.getDefaultInstance()).getName())
                .isEqualTo("newsflow-inference");
    }

    @Test
    void modelReadyIsTrueForServedModelsAndFalseForOthersAsInTriton() {
        assertThat(ready("embedder", "")).isTrue();
        assertThat(ready("summarizer", "1")).isTrue();
        assertThat(ready("summarizer", "2")).isFalse();
        assertThat(ready("gpt", "")).isFalse();
    }

    private static boolean ready(String name, String version) {
        return stub().modelReady(
                        ModelReadyRequest.newBuilder().setName(name).setVersion(version).build())
                .getReady();
    }

    @Test
    void embedderMetadataDeclaresBatchedTextInAndVectorsOut() {
        // When
        ModelMetadataResponse metadata =
                stub().modelMetadata(ModelMetadataRequest.newBuilder().setName("embedder").build());

        // Then
        assertThat(metadata.getName()).isEqualTo("embedder");
        assertThat(metadata.getVersionsList()).containsExactly("1");
        assertThat(metadata.getPlatform()).isEqualTo("onnxruntime_onnx");
        assertThat(metadata.getInputsList())
                .singleElement()
                .satisfies(
                        input -> {
                            assertThat(input.getName()).isEqualTo("TEXT");
                            assertThat(input.getDatatype()).isEqualTo("BYTES");
                            assertThat(input.getShapeList()).containsExactly(-1L, 1L);
                        });
        assertThat(metadata.getOutputsList())
                .singleElement()
                .satisfies(
                        output -> {
                            assertThat(output.getName()).isEqualTo("EMBEDDING");
                            assertThat(output.getDatatype()).isEqualTo("FP32");
                            assertThat(output.getShapeList())
                                    .containsExactly(-1L, (long) FakeTextEmbedder.DIMENSION);
                        });
    }

    @Test
    void summarizerMetadataNamesTheExtractiveStandIn() {
        ModelMetadataResponse metadata =
                stub().modelMetadata(
                                ModelMetadataRequest.newBuilder().setName("summarizer").build());

        assertThat(metadata.getPlatform()).isEqualTo("newsflow_extractive_cpu");
        assertThat(metadata.getOutputs(0).getName()).isEqualTo("SUMMARY");
        assertThat(metadata.getOutputs(0).getDatatype()).isEqualTo("BYTES");
        assertThat(metadata.getOutputs(0).getShapeList()).containsExactly(-1L, 1L);
    }

    @Test
    void unknownModelsAndVersionsAreNotFound() {
        assertStatus(
                () ->
                        stub().modelMetadata(
                                        ModelMetadataRequest.newBuilder().setName("gpt").build()),
                Status.Code.NOT_FOUND,
                "Request for unknown model: 'gpt' is not found");
        assertStatus(
                () -> stub().modelInfer(InferRequests.texts("gpt", List.of("x")).build()),
                Status.Code.NOT_FOUND,
                "'gpt' is not found");
        assertStatus(
                () ->
                        stub().modelInfer(
                                        InferRequests.texts("embedder", List.of("x"))
                                                .setModelVersion("7")
                                                .build()),
                Status.Code.NOT_FOUND,
                "'embedder' version 7 is not found");
    }

    @Test
    void embedsABatchAndEchoesTheRequestId() {
        // When
        ModelInferResponse response =
                stub().modelInfer(
                                InferRequests.texts("embedder", List.of("flood vote", "")).build());

        // Then
        assertThat(response.getModelName()).isEqualTo("embedder");
        assertThat(response.getModelVersion()).isEqualTo("1");
        assertThat(response.getId()).isEqualTo("req-1");
        assertThat(response.getOutputs(0).getShapeList())
                .containsExactly(2L, (long) FakeTextEmbedder.DIMENSION);
        float[][] vectors =
                TensorCodec.decodeFp32(
                        response.getRawOutputContents(0), 2, FakeTextEmbedder.DIMENSION);
        assertThat(vectors[0]).containsExactly(FakeTextEmbedder.vector("flood vote"));
        assertThat(vectors[1]).containsExactly(FakeTextEmbedder.vector(""));
    }

    @Test
    void acceptsTypedBytesContentsAndRankOneShapes() {
        ModelInferResponse typed =
                stub().modelInfer(InferRequests.typed("embedder", List.of("a b", "c")).build());
        ModelInferResponse rankOne =
                stub().modelInfer(
                                InferRequests.raw(
                                                "embedder",
                                                "TEXT",
                                                "BYTES",
                                                List.of(2L),
                                                TensorCodec.encodeStrings(List.of("a b", "c")))
                                        .build());

        assertThat(typed.getRawOutputContents(0)).isEqualTo(rankOne.getRawOutputContents(0));
    }

    @Test
    void summarizesWithTheInputsShapeAndSaysWhichModelAnswered() {
        // Given
        String article =
                "The council approved the barrier on Tuesday after a long debate. The barrier"
                        + " protects four thousand homes. Critics wanted a cheaper plan for the"
                        + " homes. Work on the barrier starts in March next year.";

        // When
        ModelInferResponse response =
                stub().modelInfer(InferRequests.texts("summarizer", List.of(article, "")).build());

        // Then
        assertThat(response.getOutputs(0).getName()).isEqualTo("SUMMARY");
        assertThat(response.getOutputs(0).getShapeList()).containsExactly(2L, 1L);
        List<String> summaries = TensorCodec.decodeStrings(response.getRawOutputContents(0), 2);
        assertThat(summaries.get(0)).startsWith("The council approved the barrier");
        assertThat(summaries.get(1)).isEmpty();
        assertThat(response.getParametersMap().get("model_description").getStringParam())
                .contains("stand-in for the fine-tuned 7B");
    }

    @Test
    void rejectsAWrongTensorName() {
        assertStatus(
                () ->
                        stub().modelInfer(
                                        InferRequests.raw(
                                                        "embedder",
                                                        "INPUT__0",
                                                        "BYTES",
                                                        List.of(1L, 1L),
                                                        TensorCodec.encodeStrings(List.of("x")))
                                                .build()),
                Status.Code.INVALID_ARGUMENT,
                "unexpected inference input 'INPUT__0' for model 'embedder', expected 'TEXT'");
    }

    @Test
    void rejectsAWrongDatatype() {
        assertStatus(
                () ->
                        stub().modelInfer(
                                        InferRequests.raw(
                                                        "embedder",
                                                        "TEXT",
                                                        "FP32",
                                                        List.of(1L, 1L),
                                                        TensorCodec.encodeFp32(
                                                                new float[][] {{1f}}))
                                                .build()),
                Status.Code.INVALID_ARGUMENT,
                "inference input 'TEXT' data-type is 'FP32', but model 'embedder' expects 'BYTES'");
    }

    @Test
    void rejectsShapesOtherThanBatchByOne() {
        assertStatus(
                () ->
                        stub().modelInfer(
                                        InferRequests.raw(
                                                        "summarizer",
                                                        "TEXT",
                                                        "BYTES",
                                                        List.of(1L, 2L),
                                                        TensorCodec.encodeStrings(
                                                                List.of("a", "b")))
                                                .build()),
                Status.Code.INVALID_ARGUMENT,
                "unexpected shape for input 'TEXT' for model 'summarizer'. Expected [-1,1] or"
                        + " [-1], got [1, 2]");
    }

    @Test
    void rejectsContentsThatDisagreeWithTheShape() {
        // Given: the shape promises two strings, the contents hold one
        ModelInferRequest request =
                InferRequests.raw(
                                "embedder",
                                "TEXT",
                                "BYTES",
                                List.of(2L, 1L),
                                TensorCodec.encodeStrings(List.of("only one")))
                        .build();

        assertStatus(
                () -> stub().modelInfer(request),
                Status.Code.INVALID_ARGUMENT,
                "input 'TEXT' for model 'embedder': BYTES contents end at element 1 of 2");
    }

    @Test
    void rejectsMalformedRawContents() {
        assertStatus(
                () ->
                        stub().modelInfer(
                                        InferRequests.raw(
                                                        "embedder",
                                                        "TEXT",
                                                        "BYTES",
                                                        List.of(1L, 1L),
                                                        ByteString.copyFrom(
                                                                new byte[] {9, 0, 0, 0, 'x'}))
                                                .build()),
                Status.Code.INVALID_ARGUMENT,
                "declares 9 bytes but only 1 remain");
        assertStatus(
                () ->
                        stub().modelInfer(
                                        InferRequests.raw(
                                                        "embedder",
                                                        "TEXT",
                                                        "BYTES",
                                                        List.of(1L, 1L),
                                                        TensorCodec.encodeBytes(
                                                                List.of(new byte[] {(byte) 0xFF})))
                                                .build()),
                Status.Code.INVALID_ARGUMENT,
                "not valid UTF-8");
    }

    @Test
    void rejectsMissingOrDoubledContentsAndExtraInputs() {
        ModelInferRequest noContents =
                InferRequests.texts("embedder", List.of("x")).clearRawInputContents().build();
        ModelInferRequest twoInputs =
                InferRequests.texts("embedder", List.of("x"))
                        .addInputs(InferRequests.input("TEXT2", "BYTES", List.of(1L, 1L)))
                        .build();

        assertStatus(
                () -> stub().modelInfer(noContents), Status.Code.INVALID_ARGUMENT, "no contents");
        assertStatus(
                () -> stub().modelInfer(twoInputs),
                Status.Code.INVALID_ARGUMENT,
                "expected 1 input but got 2 inputs for model 'embedder'");
    }

    @Test
    void rejectsUnknownRequestedOutputs() {
        ModelInferRequest request =
                InferRequests.texts("embedder", List.of("x"))
                        .addOutputs(
                                ModelInferRequest.InferRequestedOutputTensor.newBuilder()
                                        .setName("LOGITS"))
                        .build();

        assertStatus(
                () -> stub().modelInfer(request),
                Status.Code.INVALID_ARGUMENT,
                "unexpected inference output 'LOGITS' for model 'embedder'");
    }

    @Test
    void rejectsEmptyAndOversizedBatches() {
        assertStatus(
                () -> stub().modelInfer(InferRequests.texts("embedder", List.of()).build()),
                Status.Code.INVALID_ARGUMENT,
                "batch-size must be in [1, 4] for 'embedder', got 0");
        assertStatus(
                () ->
                        stub().modelInfer(
                                        InferRequests.texts(
                                                        "embedder",
                                                        List.of("a", "b", "c", "d", "e"))
                                                .build()),
                Status.Code.INVALID_ARGUMENT,
                "got 5");
    }

    @Test
    void theServerKeepsServingAfterBadRequests() {
        assertThatThrownBy(
                () -> stub().modelInfer(InferRequests.texts("embedder", List.of()).build()));

        assertThat(
                        stub().modelInfer(InferRequests.texts("embedder", List.of("ok")).build())
                                .getOutputsCount())
                .isEqualTo(1);
    }
}
