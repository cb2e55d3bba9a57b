package dev.newsflow.benchmarks.inference;

import com.sun.management.OperatingSystemMXBean;
import dev.newsflow.inference.client.TritonClient;
import dev.newsflow.inference.embedding.MiniLmEmbedder;
import dev.newsflow.inference.server.InferenceServer;
import dev.newsflow.inference.server.InferenceServerConfig;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Sentences per second of all-MiniLM-L6-v2 at batch 32: called in-process, and through the local
 * inference server over gRPC on loopback (one request in flight, then four). The difference is the
 * price of the protocol (encoding, HTTP/2, the batcher's thread hop). Also prints process CPU time
 * per sentence, which stays meaningful on a machine shared with other work.
 *
 * <p>Usage: {@code EmbedderServerThroughput [seconds-per-case]}.
 */
public final class EmbedderServerThroughput {

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** A news lead of about 60 word pieces, varied per copy so that nothing can be cached. */
    private static final String LEAD =
            "The city council approved a 40-million-euro flood barrier on Tuesday after a"
                    + " four-hour debate, ending years of dispute over how to protect the 4,000"
                    + " homes along the river that flooded twice in the past decade (item %d).";

    private static final int BATCH = 32;

    private EmbedderServerThroughput() {}

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 15.0;
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            texts.add(String.format(LEAD, i));
        }
        System.out.printf(
                "batch %d, ~60-token leads, %d cpus, load average %.1f%n",
                BATCH, OS.getAvailableProcessors(), OS.getSystemLoadAverage());
        try (MiniLmEmbedder embedder = new MiniLmEmbedder()) {
            report("in-process MiniLmEmbedder", measure(() -> embedder.embed(texts), 1, seconds));
            InferenceServerConfig config = InferenceServerConfig.defaults().withPort(0);
            try (InferenceServer server = InferenceServer.start(config, embedder);
                    TritonClient client =
                            TritonClient.connect(
                                    "127.0.0.1", server.port(), Duration.ofMinutes(1))) {
                report(
                        "gRPC server, 1 request in flight",
                        measure(() -> client.embed(texts), 1, seconds));
                report(
                        "gRPC server, 4 requests in flight",
                        measure(() -> concurrently(client, texts, 4), 4, seconds));
            }
        }
    }

    private static float[][] concurrently(TritonClient client, List<String> texts, int inFlight) {
        List<CompletableFuture<float[][]>> calls = new ArrayList<>();
        for (int i = 0; i < inFlight; i++) {
            calls.add(client.embedAsync(texts));
        }
        calls.forEach(CompletableFuture::join);
        return calls.get(0).join();
    }

    /** Returns sentences per wall-clock second and CPU milliseconds per sentence. */
    private static double[] measure(Supplier<float[][]> call, int callsPerRound, double seconds) {
        for (int i = 0; i < 3; i++) {
            call.get(); // warm-up: ONNX Runtime allocates its arena and picks kernels
        }
        long budget = (long) (seconds * 1e9);
        long cpuBegin = OS.getProcessCpuTime();
        long begin = System.nanoTime();
        long sentences = 0;
        while (System.nanoTime() - begin < budget) {
            sentences += (long) call.get().length * callsPerRound;
        }
        double wall = (System.nanoTime() - begin) / 1e9;
        double cpuMillis = (OS.getProcessCpuTime() - cpuBegin) / 1e6;
        return new double[] {sentences / wall, cpuMillis / sentences};
    }

    private static void report(String name, double[] rate) {
        System.out.printf(
                "  %-36s %7.1f sentences/s  %6.2f ms CPU/sentence%n", name, rate[0], rate[1]);
    }
}
