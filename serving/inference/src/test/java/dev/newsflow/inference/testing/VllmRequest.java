package dev.newsflow.inference.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import dev.newsflow.inference.grpc.InferParameter;
import dev.newsflow.inference.grpc.ModelInferRequest;
import dev.newsflow.inference.grpc.ModelInferRequest.InferInputTensor;
import dev.newsflow.inference.protocol.TensorCodec;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One request to a model on Triton's vLLM backend, decoded and checked as the backend reads it
 * (part of {@link VllmBackendDouble}, the protocol double): {@code text_input} BYTES {@code [1]}
 * required; {@code stream} and {@code exclude_input_in_output} BOOL {@code [1]} and {@code
 * sampling_parameters} BYTES {@code [1]} (a JSON object) optional, {@code null} when absent.
 *
 * @param finalResponseRequested whether {@code triton_enable_empty_final_response} was set
 */
public record VllmRequest(
        String prompt,
        Boolean stream,
        JsonNode samplingParameters,
        Boolean excludeInputInOutput,
        boolean finalResponseRequested) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Decodes a request for {@code model}.
     *
     * @throws IllegalArgumentException with the message Triton would put in {@code error_message}
     */
    static VllmRequest decode(ModelInferRequest request, String model) {
        if (!request.getModelName().equals(model)) {
            throw new IllegalArgumentException(
                    "Request for unknown model: '" + request.getModelName() + "' is not found");
        }
        if (request.getRawInputContentsCount() != request.getInputsCount()) {
            throw new IllegalArgumentException("expected raw contents for every input");
        }
        Map<String, ByteString> inputs = new HashMap<>();
        for (int i = 0; i < request.getInputsCount(); i++) {
            InferInputTensor input = request.getInputs(i);
            String expected =
                    switch (input.getName()) {
                        case "text_input", "sampling_parameters" -> "BYTES";
                        case "stream", "exclude_input_in_output" -> "BOOL";
                        default ->
                                throw new IllegalArgumentException(
                                        "unexpected inference input '"
                                                + input.getName()
                                                + "' for model '"
                                                + model
                                                + "'");
                    };
            if (!input.getDatatype().equals(expected)
                    || !input.getShapeList().equals(List.of(1L))) {
                throw new IllegalArgumentException(
                        input.getName() + " must be " + expected + " [1], was " + input);
            }
            inputs.put(input.getName(), request.getRawInputContents(i));
        }
        if (!inputs.containsKey("text_input")) {
            throw new IllegalArgumentException("input 'text_input' is required");
        }
        InferParameter finalFlag =
                request.getParametersMap().get("triton_enable_empty_final_response");
        if (finalFlag != null && !finalFlag.hasBoolParam()) {
            throw new IllegalArgumentException(
                    "invalid value type for 'triton_enable_empty_final_response' parameter,"
                            + " expected bool_param.");
        }
        return new VllmRequest(
                string(inputs.get("text_input")),
                bool(inputs.get("stream")),
                json(inputs.get("sampling_parameters")),
                bool(inputs.get("exclude_input_in_output")),
                finalFlag != null && finalFlag.getBoolParam());
    }

    private static String string(ByteString raw) {
        return TensorCodec.decodeStrings(raw, 1).get(0);
    }

    private static Boolean bool(ByteString raw) {
        if (raw == null) {
            return null;
        }
        if (raw.size() != 1) {
            throw new IllegalArgumentException("a BOOL [1] is one byte, got " + raw.size());
        }
        return raw.byteAt(0) != 0;
    }

    private static JsonNode json(ByteString raw) {
        if (raw == null) {
            return null;
        }
        JsonNode value;
        try {
            value = JSON.readTree(string(raw));
        } catch (IOException e) {
            throw new IllegalArgumentException("sampling_parameters is not JSON: " + e);
        }
        if (!value.isObject()) {
            throw new IllegalArgumentException("sampling_parameters is not a JSON object");
        }
        return value;
    }
}
