package dev.newsflow.inference.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.inference.embedding.TokenRow;
import dev.newsflow.inference.grpc.GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub;
import dev.newsflow.inference.grpc.InferTensorContents;
import dev.newsflow.inference.grpc.ModelInferRequest;
import dev.newsflow.inference.grpc.ModelInferResponse;
import dev.newsflow.inference.grpc.ModelMetadataRequest;
import dev.newsflow.inference.grpc.ModelMetadataResponse;
import dev.newsflow.inference.protocol.TensorCodec;
import dev.newsflow.inference.testing.FakeTextEmbedder;
import dev.newsflow.inference.testing.InferRequests;
import dev.newsflow.inference.testing.LoopbackServer;
import io.grpc.Status;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code embedder_onnx} ({@link EmbedderModel#tokens}) on the local server over gRPC, with a
 * bag-of-ids embedder: Triton's tensor contract for word pieces, and every way such a request can
 * be wrong.
 */
class EmbedderOnnxModelTest {

    private static final FakeTextEmbedder EMBEDDER = new FakeTextEmbedder();

    private static LoopbackServer loopback;

    @BeforeAll
    static void startServer() {
        loopback = LoopbackServer.start(EMBEDDER, 4);
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        loopback.close();
    }

    private static GRPCInferenceServiceBlockingStub stub() {
        return loopback.stub();
    }

    private static float[] expected(long... realIds) {
        return new FakeTextEmbedder().embedTokens(List.of(TokenRow.of(realIds)))[0];
    }

    @Test
    void declaresTritonsTensorsForEmbedderOnnx() {
        ModelMetadataResponse metadata =
                stub().modelMetadata(
                                ModelMetadataRequest.newBuilder().setName("embedder_onnx").build());

        assertThat(metadata.getInputsList())
                .extracting(i -> i.getName() + " " + i.getDatatype() + " " + i.getShapeList())
                .containsExactly(
                        "input_ids INT64 [-1, -1]",
                        "attention_mask INT64 [-1, -1]",
                        "token_type_ids INT64 [-1, -1]");
        assertThat(metadata.getOutputs(0).getName()).isEqualTo("sentence_embedding");
        assertThat(metadata.getOutputs(0).getDatatype()).isEqualTo("FP32");
        assertThat(metadata.getOutputs(0).getShapeList())
                .containsExactly(-1L, (long) FakeTextEmbedder.DIMENSION);
    }

    @Test
    void embedsEachRowUnderItsMaskAndDropsTrailingPadding() {
        // Given two rows padded to 4 positions
        long[][] ids = {{101, 7, 8, 102}, {101, 9, 102, 0}};
        long[][] mask = {{1, 1, 1, 1}, {1, 1, 1, 0}};
        long[][] types = new long[2][4];

        // When
        ModelInferResponse response =
                stub().modelInfer(InferRequests.tokens("embedder_onnx", ids, mask, types).build());

        // Then
        assertThat(response.getOutputs(0).getShapeList())
                .containsExactly(2L, (long) FakeTextEmbedder.DIMENSION);
        float[][] vectors =
                TensorCodec.decodeFp32(
                        response.getRawOutputContents(0), 2, FakeTextEmbedder.DIMENSION);
        assertThat(vectors[0]).containsExactly(expected(101, 7, 8, 102));
        assertThat(vectors[1]).containsExactly(expected(101, 9, 102));
        // The server's batcher may embed the two rows together or apart; either way it sees
        // each row at its unpadded length.
        assertThat(EMBEDDER.tokenCalls().stream().flatMap(List::stream))
                .filteredOn(row -> row.ids()[0] == 101 && row.ids()[1] == 9)
                .extracting(TokenRow::length)
                .containsExactly(3);
    }

    @Test
    void acceptsInputsInAnyOrderAndTypedContents() {
        // Given the mask first, then types, then ids, as typed int64_contents
        ModelInferRequest.Builder request =
                ModelInferRequest.newBuilder().setModelName("embedder_onnx");
        request.addInputs(typed("attention_mask", 1, 1, 1));
        request.addInputs(typed("token_type_ids", 0, 0, 0));
        request.addInputs(typed("input_ids", 101, 5, 102));

        // When
        ModelInferResponse response = stub().modelInfer(request.build());

        // Then
        assertThat(TensorCodec.decodeFp32(response.getRawOutputContents(0), 1, 64)[0])
                .containsExactly(expected(101, 5, 102));
    }

    private static ModelInferRequest.InferInputTensor.Builder typed(String name, long... values) {
        return InferRequests.input(name, "INT64", List.of(1L, (long) values.length))
                .setContents(
                        InferTensorContents.newBuilder()
                                .addAllInt64Contents(Arrays.stream(values).boxed().toList()));
    }

    @Test
    void rejectsMissingUnknownAndMistypedInputs() {
        long[][] row = {{101, 102}};
        ModelInferRequest valid =
                InferRequests.tokens("embedder_onnx", row, new long[][] {{1, 1}}, new long[1][2])
                        .build();

        assertInvalid(
                valid.toBuilder()
                        .removeInputs(2)
                        .clearRawInputContents()
                        .addRawInputContents(valid.getRawInputContents(0))
                        .addRawInputContents(valid.getRawInputContents(1))
                        .build(),
                "expected 3 inputs but got 2 inputs for model 'embedder_onnx'");
        assertInvalid(
                valid.toBuilder().setInputs(2, valid.getInputs(2).toBuilder().setName("x")).build(),
                "unexpected inference input 'x' for model 'embedder_onnx'");
        assertInvalid(
                valid.toBuilder()
                        .setInputs(0, valid.getInputs(0).toBuilder().setDatatype("INT32"))
                        .build(),
                "inference input 'input_ids' data-type is 'INT32'");
        assertInvalid(
                valid.toBuilder()
                        .setInputs(1, valid.getInputs(1).toBuilder().clearShape().addShape(2))
                        .build(),
                "input 'attention_mask' has shape [2]");
    }

    @Test
    void rejectsValuesTheModelCannotTake() {
        long[][] types = new long[1][3];
        long[][] ones = {{1, 1, 1}};

        assertInvalid(
                InferRequests.tokens("embedder_onnx", new long[][] {{101, 30522, 102}}, ones, types)
                        .build(),
                "input 'input_ids' for model 'embedder_onnx' has 30522 at [0, 1]; values must be"
                        + " in [0, 30522)");
        assertInvalid(
                InferRequests.tokens(
                                "embedder_onnx",
                                new long[][] {{101, 5, 102}},
                                new long[][] {{1, 2, 1}},
                                types)
                        .build(),
                "input 'attention_mask'");
        assertInvalid(
                InferRequests.tokens(
                                "embedder_onnx",
                                new long[][] {{0, 0, 0}},
                                new long[][] {{0, 0, 0}},
                                types)
                        .build(),
                "row 0 of 'attention_mask' for model 'embedder_onnx' has no tokens");
        assertInvalid(
                InferRequests.tokens(
                                "embedder_onnx",
                                new long[1][513],
                                new long[][] {new long[513]},
                                new long[1][513])
                        .build(),
                "sequence length 513");
        assertInvalid(
                InferRequests.tokens(
                                "embedder_onnx", new long[5][2], new long[5][2], new long[5][2])
                        .build(),
                "batch in [1, 4]");
    }

    private static void assertInvalid(ModelInferRequest request, String message) {
        LoopbackServer.assertStatus(
                () -> stub().modelInfer(request), Status.Code.INVALID_ARGUMENT, message);
    }
}
