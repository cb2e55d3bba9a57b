package dev.newsflow.benchmarks.inference;

import com.sun.management.OperatingSystemMXBean;
import dev.newsflow.benchmarks.summarization.SummarizationExample;
import dev.newsflow.inference.client.TritonClient;
import dev.newsflow.inference.client.TritonClientConfig;
import dev.newsflow.inference.embedding.MiniLmEmbedder;
import dev.newsflow.inference.embedding.MiniLmOptions;
import dev.newsflow.inference.embedding.TokenWindows;
import dev.newsflow.inference.embedding.WordPieces;
import dev.newsflow.inference.server.InferenceServer;
import dev.newsflow.inference.server.InferenceServerConfig;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What chunk-and-pool costs and what it buys on the longest news articles: the {@code N} longest
 * CNN/DailyMail articles (by word pieces) embedded in one call by the truncating path (one
 * 256-token window) and by chunk-and-pool (windows of 256 overlapping by 32, at most 8), with wall
 * and process CPU time per article; how close each vector is to the embedding of the article's
 * second half (which truncation never reads) and of the human highlights; and whether the client's
 * token mode ({@code embedder_onnx}) gives the vectors of the text mode ({@code embedder}) over
 * gRPC.
 *
 * <p>Usage: {@code LongArticleEmbedding [articles.jsonl] [articles] [rounds]}; the default file is
 * {@code ../shared/data/summarization/cnndm-dev.jsonl}, relative to the repository root.
 */
public final class LongArticleEmbedding {

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private LongArticleEmbedding() {}

    public static void main(String[] args) throws Exception {
        Path data =
                Path.of(args.length > 0 ? args[0] : "../shared/data/summarization/cnndm-dev.jsonl");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<SummarizationExample> examples = longest(SummarizationExample.readJsonl(data), count);
        List<String> articles = examples.stream().map(SummarizationExample::article).toList();
        int threads = Runtime.getRuntime().availableProcessors();
        TokenWindows windows = TokenWindows.defaults();
        try (WordPieces wordPieces = WordPieces.open()) {
            int[] lengths =
                    wordPieces.contentIds(articles).stream().mapToInt(ids -> ids.length).toArray();
            int totalWindows = 0;
            for (int length : lengths) {
                totalWindows += windows.spans(length).size();
            }
            System.out.printf(
                    "%d longest articles of %s: %d to %d word pieces, %d windows in all; %d cpus,"
                            + " load %.1f%n",
                    count,
                    data.getFileName(),
                    lengths[lengths.length - 1],
                    lengths[0],
                    totalWindows,
                    threads,
                    OS.getSystemLoadAverage());
        }
        MiniLmOptions options = MiniLmOptions.defaults().withIntraOpThreads(threads);
        try (MiniLmEmbedder chunking = new MiniLmEmbedder(options);
                MiniLmEmbedder truncating =
                        new MiniLmEmbedder(options.withWindows(TokenWindows.truncating(256)))) {
            float[][] truncated =
                    time("truncating (1 window)", () -> truncating.embed(articles), count, rounds);
            float[][] chunked =
                    time(
                            "chunk-and-pool (<= 8 windows)",
                            () -> chunking.embed(articles),
                            count,
                            rounds);
            List<String> secondHalves =
                    articles.stream().map(LongArticleEmbedding::secondHalf).toList();
            float[][] halves = chunking.embed(secondHalves);
            float[][] highlights =
                    chunking.embed(examples.stream().map(SummarizationExample::reference).toList());
            System.out.printf(
                    "mean cosine to the second half: truncating %.3f, chunk-and-pool %.3f%n",
                    meanCosine(truncated, halves), meanCosine(chunked, halves));
            System.out.printf(
                    "mean cosine to the highlights:  truncating %.3f, chunk-and-pool %.3f%n",
                    meanCosine(truncated, highlights), meanCosine(chunked, highlights));
            compareClientModes(chunking, articles, chunked);
        }
    }

    private static void compareClientModes(
            MiniLmEmbedder embedder, List<String> articles, float[][] inProcess) {
        TritonClientConfig tokens =
                TritonClientConfig.fromEnv(Map.of(TritonClientConfig.EMBEDDER_INPUT, "tokens"));
        try (InferenceServer server =
                        InferenceServer.start(
                                InferenceServerConfig.defaults().withPort(0), embedder);
                TritonClient text =
                        TritonClient.connect("127.0.0.1", server.port(), Duration.ofMinutes(5));
                TritonClient tokenized =
                        TritonClient.connect(
                                "127.0.0.1", server.port(), Duration.ofMinutes(5), tokens)) {
            float[][] viaText = text.embed(articles);
            float[][] viaTokens = tokenized.embed(articles);
            double min = 1;
            for (int i = 0; i < articles.size(); i++) {
                min =
                        Math.min(
                                min,
                                Math.min(
                                        cosine(viaTokens[i], viaText[i]),
                                        cosine(viaText[i], inProcess[i])));
            }
            System.out.printf(
                    "gRPC: token mode (embedder_onnx) vs text mode (embedder) vs in-process: minimum"
                            + " cosine %.7f%n",
                    min);
        }
    }

    private static List<SummarizationExample> longest(List<SummarizationExample> all, int count) {
        return all.stream()
                .sorted(
                        Comparator.comparingInt((SummarizationExample e) -> e.article().length())
                                .reversed())
                .limit(count)
                .toList();
    }

    /** The text after the middle of the article, cut at a space. */
    private static String secondHalf(String article) {
        int middle = article.indexOf(' ', article.length() / 2);
        return middle < 0 ? article : article.substring(middle + 1);
    }

    private static float[][] time(String name, Supplier<float[][]> call, int articles, int rounds) {
        call.get(); // warm-up: ONNX Runtime picks kernels and sizes its arena on the first calls
        long cpu = OS.getProcessCpuTime();
        long wall = System.nanoTime();
        float[][] vectors = null;
        for (int r = 0; r < rounds; r++) {
            vectors = call.get();
        }
        double perArticle = (double) articles * rounds;
        System.out.printf(
                "%-32s %7.1f ms/article wall, %7.1f ms/article CPU%n",
                name,
                (System.nanoTime() - wall) / 1e6 / perArticle,
                (OS.getProcessCpuTime() - cpu) / 1e6 / perArticle);
        return vectors;
    }

    private static double meanCosine(float[][] a, float[][] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += cosine(a[i], b[i]);
        }
        return sum / a.length;
    }

    /** The cosine of two unit vectors (every embedding here has unit length). */
    private static double cosine(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}
