package dev.newsflow.inference.client;

import com.google.protobuf.ByteString;
import dev.newsflow.inference.grpc.ModelInferRequest;
import dev.newsflow.inference.grpc.ModelInferRequest.InferInputTensor;
import dev.newsflow.inference.grpc.ModelInferResponse;
import dev.newsflow.inference.protocol.Datatype;
import dev.newsflow.inference.protocol.TensorCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Summaries straight from Triton's vLLM backend ({@code summarizer_llm}), without the Python {@code
 * summarizer} wrapper: the client renders the prompt ({@link SummaryPrompt}), sends one request per
 * article, all at once (the backend is decoupled and batches requests in flight itself), and parses
 * each answer ({@link LlmAnswer}).
 *
 * <p>The backend's tensors: {@code text_input} (BYTES {@code [1]}, the prompt), {@code stream}
 * (BOOL {@code [1]}, false: one response with the whole answer), {@code sampling_parameters} (BYTES
 * {@code [1]}, a JSON string, {@link VllmOptions#samplingParameters()}), {@code
 * exclude_input_in_output} (BOOL {@code [1]}, true); it answers {@code text_output} (BYTES). A
 * decoupled model only takes {@code ModelStreamInfer}, so each article is one request on its own
 * stream ({@link ModelCalls#stream}).
 */
final class VllmSummaries {

    static final String TEXT_INPUT = "text_input";
    static final String STREAM = "stream";
    static final String SAMPLING_PARAMETERS = "sampling_parameters";
    static final String EXCLUDE_INPUT_IN_OUTPUT = "exclude_input_in_output";
    static final String TEXT_OUTPUT = "text_output";

    private static final ByteString FALSE = ByteString.copyFrom(new byte[] {0});
    private static final ByteString TRUE = ByteString.copyFrom(new byte[] {1});

    private final ModelCalls calls;
    private final String model;
    private final VllmOptions options;
    private final SummaryPrompt prompt;
    private final String samplingParameters;

    VllmSummaries(ModelCalls calls, String model, VllmOptions options, SummaryPrompt prompt) {
        this.calls = calls;
        this.model = model;
        this.options = options;
        this.prompt = prompt;
        this.samplingParameters = options.samplingParameters();
    }

    /** One summary per article, in order; the call fails if any article's call fails. */
    CompletableFuture<List<Summary>> summarize(List<String> articles) {
        List<CompletableFuture<Summary>> answers = new ArrayList<>(articles.size());
        for (String article : articles) {
            answers.add(summarize(article));
        }
        return CompletableFuture.allOf(answers.toArray(new CompletableFuture<?>[0]))
                .thenApply(done -> answers.stream().map(CompletableFuture::join).toList());
    }

    private CompletableFuture<Summary> summarize(String article) {
        String prepared = SummaryPrompt.prepare(article, options.maxArticleChars());
        if (prepared.isEmpty()) {
            // Nothing to summarize: no call, as the wrapper does.
            return CompletableFuture.completedFuture(Summary.unrated(""));
        }
        String text = prompt.render(prepared);
        return calls.stream(
                request(model, text, samplingParameters), responses -> answer(responses, text));
    }

    /** The request for one rendered prompt: the four input tensors, raw contents. */
    static ModelInferRequest request(String model, String prompt, String samplingParameters) {
        return ModelInferRequest.newBuilder()
                .setModelName(model)
                .setId(TritonClient.requestId(model))
                .addInputs(tensor(TEXT_INPUT, Datatype.BYTES))
                .addRawInputContents(TensorCodec.encodeStrings(List.of(prompt)))
                .addInputs(tensor(STREAM, Datatype.BOOL))
                .addRawInputContents(FALSE)
                .addInputs(tensor(SAMPLING_PARAMETERS, Datatype.BYTES))
                .addRawInputContents(TensorCodec.encodeStrings(List.of(samplingParameters)))
                .addInputs(tensor(EXCLUDE_INPUT_IN_OUTPUT, Datatype.BOOL))
                .addRawInputContents(TRUE)
                .build();
    }

    /** The summary in the responses to one request (one, or pieces when streamed). */
    Summary answer(List<ModelInferResponse> responses, String renderedPrompt) {
        StringBuilder text = new StringBuilder();
        for (ModelInferResponse response : responses) {
            ResponseTensors.allStrings(response, TEXT_OUTPUT).forEach(text::append);
        }
        String answer = text.toString();
        if (answer.startsWith(renderedPrompt)) {
            // Backends older than exclude_input_in_output echo the prompt first.
            answer = answer.substring(renderedPrompt.length());
        }
        return LlmAnswer.parse(
                answer, options.maxSummaryChars(), prompt.ratingMin(), prompt.ratingMax());
    }

    private static InferInputTensor tensor(String name, Datatype datatype) {
        return InferInputTensor.newBuilder()
                .setName(name)
                .setDatatype(datatype.wireName())
                .addShape(1)
                .build();
    }
}
