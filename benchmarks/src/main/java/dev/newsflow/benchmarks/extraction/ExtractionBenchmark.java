package dev.newsflow.benchmarks.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.jobs.config.EnrichmentConfig;
import dev.newsflow.jobs.functions.RejectedInputException;
import dev.newsflow.jobs.functions.extract.ArticleExtractor;
import dev.newsflow.jobs.functions.extract.HtmlDecoder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores {@link ArticleExtractor} on an article-extraction data set: a directory with {@code
 * html/ID.html} pages and {@code ground-truth.json} ({@code ID -> {articleBody, url}}). Prints the
 * worst pages and the overall precision, recall and F1 of {@link ExtractionScore}.
 *
 * <pre>
 * java -cp ... dev.newsflow.benchmarks.extraction.ExtractionBenchmark DATASET_DIR [--worst N]
 * </pre>
 */
public final class ExtractionBenchmark {

    private static final int DEFAULT_WORST = 10;

    /** One scored page. */
    record PageResult(String id, String url, ExtractionScore.Counts counts, String error) {}

    private ExtractionBenchmark() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1 && !(args.length == 3 && args[1].equals("--worst"))) {
            System.err.println("usage: ExtractionBenchmark DATASET_DIR [--worst N]");
            System.exit(2);
        }
        Path dataset = Path.of(args[0]);
        if (!Files.isRegularFile(dataset.resolve("ground-truth.json"))) {
            System.err.println("no ground-truth.json in " + dataset.toAbsolutePath());
            System.exit(2);
        }
        int worst = args.length == 3 ? Integer.parseInt(args[2]) : DEFAULT_WORST;
        long start = System.nanoTime();
        List<PageResult> results = run(dataset);
        double seconds = (System.nanoTime() - start) / 1e9;
        report(results, worst, seconds, System.out);
    }

    /** Extracts and scores every page named in the ground truth. */
    static List<PageResult> run(Path dataset) throws IOException {
        JsonNode truth = new ObjectMapper().readTree(dataset.resolve("ground-truth.json").toFile());
        ArticleExtractor extractor = new ArticleExtractor(EnrichmentConfig.DEFAULT_MAX_HTML_CHARS);
        List<PageResult> results = new ArrayList<>();
        for (Map.Entry<String, JsonNode> page : truth.properties()) {
            String id = page.getKey();
            String expected = page.getValue().path("articleBody").asText("");
            String url = page.getValue().path("url").asText("");
            Path html = dataset.resolve("html").resolve(id + ".html");
            String predicted = "";
            String error = null;
            if (!Files.isRegularFile(html)) {
                error = "missing " + html.getFileName();
            } else {
                try {
                    predicted =
                            extractor
                                    .extract(HtmlDecoder.decode(Files.readAllBytes(html)), null)
                                    .text();
                } catch (RejectedInputException e) {
                    error = e.getMessage();
                }
            }
            results.add(new PageResult(id, url, ExtractionScore.match(expected, predicted), error));
        }
        return results;
    }

    static void report(List<PageResult> results, int worst, double seconds, PrintStream out) {
        out.printf(Locale.ROOT, "Worst %d of %d pages:%n", worst, results.size());
        out.printf(Locale.ROOT, "%6s %6s %6s  %-12s %s%n", "F1", "P", "R", "id", "url");
        results.stream()
                .sorted(Comparator.comparingDouble((PageResult r) -> r.counts().f1()))
                .limit(worst)
                .forEach(
                        r ->
                                out.printf(
                                        Locale.ROOT,
                                        "%6.3f %6.3f %6.3f  %-12s %s%s%n",
                                        r.counts().f1(),
                                        r.counts().precision(),
                                        r.counts().recall(),
                                        r.id().substring(0, Math.min(12, r.id().length())),
                                        r.url(),
                                        r.error() == null ? "" : "  [" + r.error() + "]"));
        ExtractionScore.Summary s =
                ExtractionScore.summarize(results.stream().map(PageResult::counts).toList());
        long failed = results.stream().filter(r -> r.error() != null).count();
        out.printf(
                Locale.ROOT,
                "%nPages %d (%d failed)  precision=%.4f  recall=%.4f  F1=%.4f  (%.1f s, %.1f ms/page)%n",
                s.pages(),
                failed,
                s.precision(),
                s.recall(),
                s.f1(),
                seconds,
                results.isEmpty() ? 0 : seconds * 1000 / results.size());
    }
}
