package dev.newsflow.cli.summarize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.inference.client.InferenceClient;
import dev.newsflow.inference.client.InferenceException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Summarizes a JSON-lines stream: each input line {@code {"id": ..., "article": ...}} becomes an
 * output line {@code {"id": ..., "summary": ...}}, in input order, through an {@link
 * InferenceClient} in batches. A line that is not JSON, lacks a string {@code id} or {@code
 * article}, or that the server rejects is reported with its line number and skipped; the rest goes
 * on.
 */
public final class JsonlSummarizer {

    /** What happened to the lines. */
    public record Result(int summarized, int skipped) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InferenceClient client;
    private final int batchSize;
    private final PrintStream problems;

    public JsonlSummarizer(InferenceClient client, int batchSize, PrintStream problems) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
        }
        this.client = client;
        this.batchSize = batchSize;
        this.problems = problems;
    }

    public Result run(BufferedReader in, Writer out) throws IOException {
        List<Article> batch = new ArrayList<>(batchSize);
        int summarized = 0;
        int skipped = 0;
        int lineNumber = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            Article article = parse(line, lineNumber);
            if (article == null) {
                skipped++;
                continue;
            }
            batch.add(article);
            if (batch.size() == batchSize) {
                int done = flush(batch, out);
                summarized += done;
                skipped += batch.size() - done;
                batch.clear();
            }
        }
        int done = flush(batch, out);
        return new Result(summarized + done, skipped + batch.size() - done);
    }

    private record Article(int line, String id, String text) {}

    private Article parse(String line, int lineNumber) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            problems.printf("line %d: skipped, not JSON: %s%n", lineNumber, e.getOriginalMessage());
            return null;
        }
        JsonNode id = node.get("id");
        JsonNode article = node.get("article");
        if (id == null || !id.isValueNode() || id.isNull()) {
            problems.printf("line %d: skipped, no \"id\"%n", lineNumber);
            return null;
        }
        if (article == null || !article.isTextual()) {
            problems.printf(
                    "line %d (id %s): skipped, no string \"article\"%n", lineNumber, id.asText());
            return null;
        }
        return new Article(lineNumber, id.asText(), article.asText());
    }

    /** Writes the batch's summaries; returns how many were written. */
    private int flush(List<Article> batch, Writer out) throws IOException {
        if (batch.isEmpty()) {
            return 0;
        }
        List<String> summaries;
        try {
            summaries = client.summarize(batch.stream().map(Article::text).toList());
        } catch (InferenceException e) {
            if (batch.size() == 1 || e.retryable()) {
                // One article, or the server is down: nothing to isolate, report each line.
                for (Article article : batch) {
                    problems.printf(
                            "line %d (id %s): skipped, %s%n",
                            article.line(), article.id(), e.getMessage());
                }
                return 0;
            }
            // The server rejected the batch: find the culprits one by one.
            int written = 0;
            for (Article article : batch) {
                written += flush(List.of(article), out);
            }
            return written;
        }
        for (int i = 0; i < batch.size(); i++) {
            ObjectNode result = JSON.createObjectNode();
            result.put("id", batch.get(i).id());
            result.put("summary", summaries.get(i));
            out.write(JSON.writeValueAsString(result));
            out.write('\n');
        }
        out.flush();
        return batch.size();
    }
}
