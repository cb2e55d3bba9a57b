package dev.newsflow.inference.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * The summarization prompt of the vLLM path, from the one prompt file there is:
 * serving/triton/model_repository/summarizer/1/prompt.json, which Triton's {@code summarizer}
 * wrapper and the fine-tuning data builder read too, and which the build copies next to this class.
 * The system and user turns are rendered in ChatML, the chat template of the served base model
 * (Qwen2.5-7B-Instruct), exactly as the wrapper's {@code apply_chat_template} renders them; the
 * rating scale is the {@code importance} range of the file's response schema.
 */
final class SummaryPrompt {

    static final String RESOURCE = "prompt.json";

    static final String PLACEHOLDER = "{{ARTICLE}}";

    /**
     * Qwen's control tokens ({@code <|im_start|>}, {@code <|im_end|>}, {@code <|endoftext|>}, ...):
     * an article must not be able to close its turn and speak as the system.
     */
    private static final Pattern CONTROL_TOKEN = Pattern.compile("<\\|[^|<>\\s]{1,40}\\|>");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String version;
    private final String system;
    private final String user;
    private final double ratingMin;
    private final double ratingMax;

    private SummaryPrompt(
            String version, String system, String user, double ratingMin, double ratingMax) {
        if (!user.contains(PLACEHOLDER)) {
            throw new IllegalArgumentException("prompt 'user' lacks the " + PLACEHOLDER + " slot");
        }
        if (!(ratingMax > ratingMin)) {
            throw new IllegalArgumentException(
                    "importance range [" + ratingMin + ", " + ratingMax + "] is empty");
        }
        this.version = version;
        this.system = system;
        this.user = user;
        this.ratingMin = ratingMin;
        this.ratingMax = ratingMax;
    }

    /** The prompt file on the classpath. */
    static SummaryPrompt load() {
        try (InputStream in = SummaryPrompt.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " is not on the classpath next to SummaryPrompt");
            }
            return parse(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the summarizer prompt", e);
        }
    }

    /** A prompt file's contents: {@code version}, {@code system}, {@code user}, the schema. */
    static SummaryPrompt parse(JsonNode prompt) {
        JsonNode importance = prompt.path("response_schema").path("properties").path("importance");
        return new SummaryPrompt(
                prompt.path("version").asText("unversioned"),
                prompt.path("system").asText(),
                prompt.path("user").asText(),
                importance.path("minimum").asDouble(0.0),
                importance.path("maximum").asDouble(1.0));
    }

    String version() {
        return version;
    }

    double ratingMin() {
        return ratingMin;
    }

    double ratingMax() {
        return ratingMax;
    }

    /** The full prompt for an article prepared by {@link #prepare(String, int)}. */
    String render(String article) {
        return "<|im_start|>system\n"
                + system
                + "<|im_end|>\n<|im_start|>user\n"
                + user.replace(PLACEHOLDER, article)
                + "<|im_end|>\n<|im_start|>assistant\n";
    }

    /**
     * The article as the model may read it: control tokens blanked out, stripped, and cut at the
     * last space before {@code maxChars} (news puts the substance first).
     */
    static String prepare(String article, int maxChars) {
        String clean = CONTROL_TOKEN.matcher(article).replaceAll(" ").strip();
        if (clean.length() <= maxChars) {
            return clean;
        }
        String cut = clean.substring(0, maxChars);
        int space = cut.lastIndexOf(' ');
        return (space > maxChars / 2 ? cut.substring(0, space) : cut).strip();
    }
}
