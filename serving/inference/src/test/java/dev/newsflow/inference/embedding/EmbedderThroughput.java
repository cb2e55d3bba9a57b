package dev.newsflow.inference.embedding;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;

/**
 * Rough sentences-per-second of {@link MiniLmEmbedder} at batch 1 and 16, for a ~60-token lead and
 * a ~250-token paragraph. A measurement, not a test (timings belong in {@code benchmarks/}): run it
 * by hand with the test classpath, optionally passing the seconds per case.
 *
 * <p>Besides wall-clock throughput it prints process CPU time per sentence (ONNX Runtime's native
 * threads included), which stays meaningful on a machine shared with other work.
 */
public final class EmbedderThroughput {

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private EmbedderThroughput() {}

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10.0;
        long start = System.nanoTime();
        try (MiniLmEmbedder embedder = new MiniLmEmbedder()) {
            System.out.printf(
                    "open: %d ms, %d intra-op threads, load average %.1f on %d cpus%n",
                    (System.nanoTime() - start) / 1_000_000,
                    embedder.options().intraOpThreads(),
                    OS.getSystemLoadAverage(),
                    OS.getAvailableProcessors());
            for (String text : List.of(NewsTexts.LEAD, NewsTexts.PARAGRAPH)) {
                int tokens = tokens(text);
                for (int batch : new int[] {1, 16}) {
                    double[] rate = measure(embedder, text, batch, seconds);
                    System.out.printf(
                            "%3d tokens, batch %2d: %7.1f sentences/s, %6.2f ms CPU/sentence%n",
                            tokens, batch, rate[0], rate[1]);
                }
            }
        }
    }

    /** Returns sentences per wall-clock second and CPU milliseconds per sentence. */
    private static double[] measure(
            MiniLmEmbedder embedder, String text, int batch, double seconds) {
        List<String> texts = NewsTexts.copies(text, batch);
        // Warm-up: ONNX Runtime allocates its arena and picks kernels on the first calls.
        for (int i = 0; i < 3; i++) {
            embedder.embed(texts);
        }
        long budget = (long) (seconds * 1e9);
        long cpuBegin = OS.getProcessCpuTime();
        long begin = System.nanoTime();
        long sentences = 0;
        while (System.nanoTime() - begin < budget) {
            sentences += embedder.embed(texts).length;
        }
        double wall = (System.nanoTime() - begin) / 1e9;
        double cpuMillis = (OS.getProcessCpuTime() - cpuBegin) / 1e6;
        return new double[] {sentences / wall, cpuMillis / sentences};
    }

    private static int tokens(String text) throws Exception {
        try (HuggingFaceTokenizer tokenizer =
                HuggingFaceTokenizer.newInstance(
                        EmbedderThroughput.class.getResourceAsStream(ModelResources.TOKENIZER),
                        Map.of("truncation", "true", "maxLength", "512"))) {
            return tokenizer.encode(text).getIds().length;
        }
    }
}
