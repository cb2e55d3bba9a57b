package dev.newsflow.cli.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.inference.client.InferenceClient;
import dev.newsflow.inference.client.InferenceException;
import io.grpc.Status;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class JsonlSummarizerTest {

    /** Summarizes by upper-casing; rejects any batch holding an article that says "poison". */
    private static final class FakeClient implements InferenceClient {
        final List<Integer> batchSizes = new ArrayList<>();

        @Override
        public CompletableFuture<List<String>> summarizeAsync(List<String> articles) {
            batchSizes.add(articles.size());
            if (articles.stream().anyMatch(a -> a.contains("poison"))) {
                return CompletableFuture.failedFuture(
                        new InferenceException(
                                Status.Code.INVALID_ARGUMENT, "summarizer: bad input", null));
            }
            return CompletableFuture.completedFuture(
                    articles.stream().map(a -> a.toUpperCase(Locale.ROOT)).toList());
        }

        @Override
        public CompletableFuture<float[][]> embedAsync(List<String> texts) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean serverReady() {
            return true;
        }

        @Override
        public boolean modelReady(String model) {
            return true;
        }

        @Override
        public void close() {}
    }

    @Test
    void summarizesGoodLinesInOrderAndReportsBadOnesWithoutStopping() throws Exception {
        // Given
        String input =
                String.join(
                        "\n",
                        "{\"id\":\"a\",\"article\":\"first\"}",
                        "not json",
                        "{\"id\":\"b\"}",
                        "",
                        "{\"article\":\"no id\"}",
                        "{\"id\":7,\"article\":\"poison\"}",
                        "{\"id\":\"c\",\"article\":\"third\"}",
                        "{\"id\":\"d\",\"article\":\"fourth\"}");
        FakeClient client = new FakeClient();
        ByteArrayOutputStream problems = new ByteArrayOutputStream();
        StringWriter out = new StringWriter();

        // When
        JsonlSummarizer.Result result =
                new JsonlSummarizer(
                                client, 2, new PrintStream(problems, true, StandardCharsets.UTF_8))
                        .run(new BufferedReader(new StringReader(input)), out);

        // Then
        assertThat(out.toString().lines())
                .containsExactly(
                        "{\"id\":\"a\",\"summary\":\"FIRST\"}",
                        "{\"id\":\"c\",\"summary\":\"THIRD\"}",
                        "{\"id\":\"d\",\"summary\":\"FOURTH\"}");
        assertThat(result).isEqualTo(new JsonlSummarizer.Result(3, 4));
        assertThat(problems.toString(StandardCharsets.UTF_8).lines())
                .containsExactly(
                        "line 2: skipped, not JSON: Unrecognized token 'not': was expecting"
                                + " (JSON String, Number, Array, Object or token 'null', 'true' or"
                                + " 'false')",
                        "line 3 (id b): skipped, no string \"article\"",
                        "line 5: skipped, no \"id\"",
                        "line 6 (id 7): skipped, summarizer: bad input");
        // [a, poison] was rejected, then split into [a] and [poison]; then [c, d]
        assertThat(client.batchSizes).containsExactly(2, 1, 1, 2);
    }
}
