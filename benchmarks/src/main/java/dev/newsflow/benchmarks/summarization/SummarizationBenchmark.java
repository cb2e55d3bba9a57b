package dev.newsflow.benchmarks.summarization;

import dev.newsflow.inference.client.TritonClient;
import dev.newsflow.inference.server.InferenceServer;
import dev.newsflow.inference.server.InferenceServerConfig;
import dev.newsflow.inference.summarization.ExtractiveSummarizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * ROUGE of the local summarizer against Lead-3 on articles with human references. Starts the real
 * inference server in-process on a free loopback port and summarizes every article through {@link
 * TritonClient} over gRPC, as the enrichment job will; Lead-3 is computed on the same articles with
 * the same sentence splitter.
 *
 * <p>Usage: {@code SummarizationBenchmark [articles.jsonl] [articles-per-request]}; the default
 * file is {@code ../shared/data/summarization/cnndm-dev.jsonl} (relative to the repository root),
 * one JSON object per line with {@code article} and {@code reference}.
 */
public final class SummarizationBenchmark {

    static final String DEFAULT_DATA = "../shared/data/summarization/cnndm-dev.jsonl";

    private SummarizationBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : DEFAULT_DATA);
        int perRequest = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        if (!Files.isRegularFile(data)) {
            System.err.println(
                    "No such file: "
                            + data.toAbsolutePath().normalize()
                            + "; pass the path of a jsonl with \"article\" and \"reference\".");
            System.exit(2);
        }
        List<SummarizationExample> examples = SummarizationExample.readJsonl(data);
        System.out.printf(
                "%d articles from %s%n", examples.size(), data.toAbsolutePath().normalize());

        List<String> summaries;
        double seconds;
        try (InferenceServer server =
                        InferenceServer.start(InferenceServerConfig.defaults().withPort(0));
                TritonClient client =
                        TritonClient.connect("127.0.0.1", server.port(), Duration.ofMinutes(5))) {
            // Warm-up outside the timing: ONNX Runtime picks kernels on the first calls.
            client.summarize(List.of(examples.get(0).article()));
            long start = System.nanoTime();
            summaries = summarizeAll(client, examples, perRequest);
            seconds = (System.nanoTime() - start) / 1e9;
        }

        RougeReport standIn = new RougeReport();
        RougeReport lead = new RougeReport();
        for (int i = 0; i < examples.size(); i++) {
            standIn.add(summaries.get(i), examples.get(i).reference());
            lead.add(Lead3.summarize(examples.get(i).article()), examples.get(i).reference());
        }
        System.out.println();
        System.out.println(
                "ROUGE F1 x 100 (rouge-score tokenizer, no stemming; R-L document-level"
                        + " LCS, R-Lsum summary-level union LCS over sentences):");
        System.out.printf("  %-40s %s%n", "summarizer (local server, gRPC)", standIn.format());
        System.out.printf("  %-40s %s%n", "Lead-3 (same articles, same splitter)", lead.format());
        System.out.printf(
                "%nsummarizer = %s%n%d articles in %.1f s through gRPC (%.1f articles/s, %d per"
                        + " request)%n",
                ExtractiveSummarizer.DESCRIPTION,
                examples.size(),
                seconds,
                examples.size() / seconds,
                perRequest);
    }

    /** Sends the articles in requests of {@code perRequest}, two requests in flight. */
    private static List<String> summarizeAll(
            TritonClient client, List<SummarizationExample> examples, int perRequest) {
        List<CompletableFuture<List<String>>> calls = new ArrayList<>();
        List<String> summaries = new ArrayList<>(examples.size());
        for (int from = 0; from < examples.size(); from += perRequest) {
            List<String> articles =
                    examples.subList(from, Math.min(from + perRequest, examples.size())).stream()
                            .map(SummarizationExample::article)
                            .toList();
            calls.add(client.summarizeAsync(articles));
            if (calls.size() - summaries.size() / perRequest >= 2) {
                // Bounded concurrency: wait for the oldest outstanding request.
                summaries.addAll(calls.get(summaries.size() / perRequest).join());
            }
        }
        while (summaries.size() < examples.size()) {
            summaries.addAll(calls.get(summaries.size() / perRequest).join());
        }
        return summaries;
    }
}
