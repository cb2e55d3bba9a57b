package dev.newsflow.benchmarks.inference;

import com.sun.management.OperatingSystemMXBean;
import dev.newsflow.benchmarks.summarization.SummarizationExample;
import dev.newsflow.inference.client.TritonClient;
import dev.newsflow.inference.embedding.MiniLmEmbedder;
import dev.newsflow.inference.server.InferenceServer;
import dev.newsflow.inference.server.InferenceServerConfig;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/**
 * Articles per second of all-MiniLM-L6-v2 at batch 32 on real-length news text, in one run: called
 * in process, and through the local inference server over gRPC on loopback with one request in
 * flight, then four; prints each and the ratio gRPC / in process. Every article is embedded whole,
 * as the job does it: cut into windows of 256 word pieces, mean-pooled (docs/inference.md). The
 * same embedder instance serves both paths, so the difference is the price of the protocol
 * (encoding, HTTP/2, the server's dynamic batcher). Also prints process CPU time per article, which
 * stays meaningful on a machine shared with other work.
 *
 * <p>Usage: {@code EmbedderServerThroughput ARTICLES_JSONL [seconds-per-case]}, e.g. {@code
 * ../shared/data/summarization/cnndm-dev.jsonl}; or {@code ./newsflow bench embedder}.
 */
public final class EmbedderServerThroughput {

    static final int BATCH = 32;

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final List<List<String>> batches;
    private final double seconds;
    private final PrintStream out;

    EmbedderServerThroughput(List<String> articles, double seconds, PrintStream out) {
        this.batches = batches(articles, BATCH);
        this.seconds = seconds;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: EmbedderServerThroughput ARTICLES_JSONL [seconds-per-case]");
            System.exit(2);
        }
        List<String> articles =
                SummarizationExample.readJsonl(Path.of(args[0])).stream()
                        .map(SummarizationExample::article)
                        .toList();
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 30.0;
        new EmbedderServerThroughput(articles, seconds, System.out).run();
    }

    void run() throws Exception {
        int articles = batches.stream().mapToInt(List::size).sum();
        out.printf(
                "%d articles (mean %.0f words) in batches of %d; %d cpus, load average %.1f%n",
                articles,
                batches.stream()
                        .flatMap(List::stream)
                        .mapToInt(t -> t.split("\\s+").length)
                        .average()
                        .orElse(0),
                BATCH,
                OS.getAvailableProcessors(),
                OS.getSystemLoadAverage());
        try (MiniLmEmbedder embedder = new MiniLmEmbedder()) {
            Rate local = measure(i -> embedder.embed(batches.get(i % batches.size())).length, 1);
            report("in process", local, local);
            InferenceServerConfig config = InferenceServerConfig.defaults().withPort(0);
            try (InferenceServer server = InferenceServer.start(config, embedder);
                    TritonClient client =
                            TritonClient.connect(
                                    "127.0.0.1", server.port(), Duration.ofMinutes(2))) {
                report(
                        "gRPC, 1 request in flight",
                        measure(i -> client.embed(batches.get(i % batches.size())).length, 1),
                        local);
                report(
                        "gRPC, 4 requests in flight",
                        measure(i -> inFlight(client, i, 4), 4),
                        local);
            }
        }
        out.println("goal: gRPC / in process >= 0.9 at batch " + BATCH);
    }

    /** Sends {@code n} consecutive batches at once; returns how many articles came back. */
    private int inFlight(TritonClient client, int round, int n) {
        List<CompletableFuture<float[][]>> calls = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            calls.add(client.embedAsync(batches.get((round * n + k) % batches.size())));
        }
        return calls.stream().mapToInt(c -> c.join().length).sum();
    }

    /** Articles per wall-clock second and CPU milliseconds per article, after one warm-up call. */
    private Rate measure(IntFunction<Integer> call, int batchesPerCall) {
        call.apply(0); // warm-up: ONNX Runtime allocates its arena and picks kernels
        long budget = (long) (seconds * 1e9);
        long cpuBegin = OS.getProcessCpuTime();
        long begin = System.nanoTime();
        long articles = 0;
        // at least one pass over all articles, so that every case sees the same texts
        int minCalls = (batches.size() + batchesPerCall - 1) / batchesPerCall;
        for (int i = 1; i <= minCalls || System.nanoTime() - begin < budget; i++) {
            articles += call.apply(i);
        }
        double wall = (System.nanoTime() - begin) / 1e9;
        double cpuMillis = (OS.getProcessCpuTime() - cpuBegin) / 1e6;
        return new Rate(articles / wall, cpuMillis / articles);
    }

    private void report(String name, Rate rate, Rate local) {
        out.printf(
                "  %-28s %6.2f articles/s  %6.0f ms CPU/article  ratio %.2f%n",
                name, rate.perSecond(), rate.cpuMillis(), rate.perSecond() / local.perSecond());
    }

    static List<List<String>> batches(List<String> texts, int size) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("no articles to embed");
        }
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < texts.size(); i += size) {
            batches.add(texts.subList(i, Math.min(texts.size(), i + size)));
        }
        return batches;
    }

    private record Rate(double perSecond, double cpuMillis) {}
}
