package dev.newsflow.benchmarks.summarization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One article with its human reference summary, as in the CNN/DailyMail development file ({@code
 * ../shared/data/summarization/cnndm-dev.jsonl}: one JSON object per line with {@code id}, {@code
 * article} and {@code reference}; references are PTB-tokenized highlights, " . " between them).
 */
public record SummarizationExample(String id, String article, String reference) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads a jsonl file; a line without an article or reference fails with its line number. */
    public static List<SummarizationExample> readJsonl(Path file) {
        List<SummarizationExample> examples = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(lines.get(i));
                String article = node.path("article").asText(null);
                String reference = node.path("reference").asText(null);
                if (article == null || reference == null) {
                    throw new IllegalArgumentException(
                            file + ":" + (i + 1) + ": needs \"article\" and \"reference\"");
                }
                examples.add(
                        new SummarizationExample(
                                node.path("id").asText("line-" + (i + 1)), article, reference));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return examples;
    }
}
