package dev.newsflow.benchmarks.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractionBenchmarkTest {

    private static final String ARTICLE =
            "The ferry terminal opens in March after two years of delays over dredging, the"
                    + " harbour authority said on Monday.";

    @Test
    void scoresEveryPageOfTheGroundTruthAndCountsMissingPagesAsEmpty(@TempDir Path dataset)
            throws Exception {
        Path html = Files.createDirectories(dataset.resolve("html"));
        Files.writeString(
                html.resolve("good.html"),
                "<html><body><nav><a href='/'>Home</a></nav><article><p>"
                        + ARTICLE
                        + "</p></article></body></html>");
        Files.writeString(
                dataset.resolve("ground-truth.json"),
                "{\"good\": {\"articleBody\": \""
                        + ARTICLE
                        + "\", \"url\": \"https://example.org/good\"},"
                        + " \"gone\": {\"articleBody\": \"Some text that was never fetched.\"}}");

        List<ExtractionBenchmark.PageResult> results = ExtractionBenchmark.run(dataset);

        assertThat(results)
                .extracting(ExtractionBenchmark.PageResult::id)
                .containsExactly("good", "gone");
        assertThat(results.get(0).counts().f1()).isEqualTo(1.0);
        assertThat(results.get(1).error()).isEqualTo("missing gone.html");
        ExtractionScore.Summary summary =
                ExtractionScore.summarize(
                        results.stream().map(ExtractionBenchmark.PageResult::counts).toList());
        assertThat(summary.precision()).isEqualTo(1.0);
        assertThat(summary.recall()).isCloseTo(0.5, within(1e-12));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExtractionBenchmark.report(
                results, 1, 0.5, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("gone", "[missing gone.html]")
                .doesNotContain("https://example.org/good")
                .contains("precision=1.0000  recall=0.5000  F1=0.6667");
    }
}
