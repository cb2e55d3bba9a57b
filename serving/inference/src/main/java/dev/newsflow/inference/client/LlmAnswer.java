package dev.newsflow.inference.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the model's answer {@code {"summary": "...", "importance": 0.0}} as leniently as is safe,
 * the same way Triton's {@code summarizer} wrapper does ({@code parse_answer} in its model.py): the
 * first JSON object in the text, code fences and prose around it ignored; a truncated object
 * salvaged field by field; text without any JSON taken as the summary itself; JSON without a
 * summary is no summary (better none than garbage). The rating is mapped from the prompt's scale to
 * {@code [0, 1]}; one outside the scale, or not a number, is no rating.
 */
final class LlmAnswer {

    private static final Pattern FENCE = Pattern.compile("^```[a-zA-Z]*\\s*|\\s*```$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern SUMMARY_FIELD =
            Pattern.compile("\"summary\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)", Pattern.DOTALL);
    private static final Pattern IMPORTANCE_FIELD =
            Pattern.compile("\"importance\"\\s*:\\s*\"?(-?[0-9]+(?:\\.[0-9]+)?)");

    private static final ObjectMapper JSON = new ObjectMapper();

    private LlmAnswer() {}

    /**
     * The summary and rating in {@code text}.
     *
     * @param maxChars longer summaries are cut at a word and end with an ellipsis
     * @param scaleMin lowest rating the prompt asks for
     * @param scaleMax highest rating the prompt asks for
     */
    static Summary parse(String text, int maxChars, double scaleMin, double scaleMax) {
        String body = FENCE.matcher(text.strip()).replaceAll("").strip();
        int start = body.indexOf('{');
        if (start >= 0) {
            JsonNode value = firstJsonValue(body.substring(start));
            if (value != null && value.path("summary").isTextual()) {
                return Summary.of(
                        clean(value.get("summary").asText(), maxChars),
                        rating(value.get("importance"), scaleMin, scaleMax));
            }
        }
        Matcher summary = SUMMARY_FIELD.matcher(body);
        if (summary.find()) {
            // Typically an answer cut off by max_tokens: keep the summary read so far.
            Matcher importance = IMPORTANCE_FIELD.matcher(body);
            double rating =
                    importance.find()
                            ? rating(
                                    JSON.getNodeFactory().textNode(importance.group(1)),
                                    scaleMin,
                                    scaleMax)
                            : Double.NaN;
            return Summary.of(clean(unescape(summary.group(1)), maxChars), rating);
        }
        if (start >= 0 || body.isEmpty()) {
            return Summary.unrated("");
        }
        return Summary.unrated(clean(body, maxChars));
    }

    /** A rating on {@code [min, max]} mapped to {@code [0, 1]}; NaN for anything else. */
    static double rating(JsonNode value, double min, double max) {
        if (value == null || value.isBoolean() || value.isNull()) {
            return Double.NaN;
        }
        double raw;
        if (value.isNumber()) {
            raw = value.asDouble();
        } else if (value.isTextual()) {
            try {
                raw = Double.parseDouble(value.asText().strip());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        } else {
            return Double.NaN;
        }
        return raw >= min && raw <= max ? (raw - min) / (max - min) : Double.NaN;
    }

    /** Whitespace collapsed; cut at the last word before {@code maxChars}, with an ellipsis. */
    static String clean(String summary, int maxChars) {
        String text = WHITESPACE.matcher(summary).replaceAll(" ").strip();
        if (text.length() <= maxChars) {
            return text;
        }
        String cut = text.substring(0, maxChars - 1);
        int space = cut.lastIndexOf(' ');
        return (space > maxChars / 2 ? cut.substring(0, space) : cut).stripTrailing() + "\u2026";
    }

    /** The first JSON value at the start of {@code text}; whatever follows it is ignored. */
    private static JsonNode firstJsonValue(String text) {
        try (JsonParser parser = JSON.createParser(text)) {
            return JSON.readTree(parser);
        } catch (IOException e) {
            return null;
        }
    }

    private static String unescape(String jsonStringBody) {
        try {
            return JSON.readValue("\"" + jsonStringBody + "\"", String.class);
        } catch (IOException e) {
            // A cut inside an escape sequence: keep the text as it is.
            return jsonStringBody;
        }
    }
}
