package dev.newsflow.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.inference.server.InferenceServer;
import dev.newsflow.inference.server.InferenceServerConfig;
import dev.newsflow.jobs.config.DedupConfig;
import dev.newsflow.jobs.config.EnrichmentConfig;
import dev.newsflow.jobs.config.StoryConfig;
import dev.newsflow.jobs.functions.inference.InferArticles;
import dev.newsflow.jobs.job.EnrichmentJob;
import dev.newsflow.jobs.job.EnrichmentSinks;
import dev.newsflow.jobs.serde.RawRecord;
import dev.newsflow.schemas.CrawlEvent;
import dev.newsflow.schemas.kafka.Topics;
import dev.newsflow.testkit.flink.FlinkTestCluster;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Shows that the enrichment job's state stays bounded over a long replay: a steady stream of
 * distinct articles (with re-crawls and copies mixed in) through the real job graph (RocksDB,
 * incremental checkpoints, parallelism 2, the local inference server over gRPC) with the state
 * lifetimes shortened so that minutes stand for days: dedup TTLs of {@code ttl}, a story window of
 * 10 minutes of article time, articles 10 s of article time apart. Prints the full size of each
 * completed checkpoint (all state, not the increment) as the articles go through; once the TTLs and
 * the window have turned over, it stops growing. Sinks discard: this measures state only.
 */
public final class StateSizeBenchmark {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final String[] WORDS =
            ("harbour council budget river festival orchard railway museum bridge tenant winter"
                            + " league novel vaccine satellite drought tariff glacier election"
                            + " startup concert reef pension lighthouse brewery canal mayor"
                            + " telescope harvest wildfire marathon airport ferry parliament"
                            + " choir bakery vineyard robot archive senate flood copper tunnel"
                            + " opera stadium clinic forest battery market school island")
                    .split(" ");

    private final Duration runFor;
    private final int perSecond;
    private final Duration ttl;
    private final PrintStream out;

    public StateSizeBenchmark(Duration runFor, int perSecond, Duration ttl, PrintStream out) {
        this.runFor = runFor;
        this.perSecond = perSecond;
        this.ttl = ttl;
        this.out = out;
    }

    public void run(Path workDir) throws Exception {
        long articles = runFor.toSeconds() * perSecond;
        int restPort = freePort();
        Configuration flink = FlinkTestCluster.configuration(workDir.resolve("checkpoints"));
        flink.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        flink.set(RestOptions.PORT, restPort);
        try (InferenceServer server =
                InferenceServer.start(InferenceServerConfig.defaults().withPort(0))) {
            EnrichmentConfig config = config(server);
            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(flink);
            env.setParallelism(FlinkTestCluster.PARALLELISM);
            env.enableCheckpointing(Duration.ofSeconds(10).toMillis());
            EnrichmentJob.defineWorkflow(
                    env,
                    new DataGeneratorSource<>(
                            StateSizeBenchmark::crawlRecord,
                            articles,
                            RateLimiterStrategy.perSecond(perSecond),
                            TypeInformation.of(RawRecord.class)),
                    new EnrichmentSinks(
                            new DiscardingSink<>(),
                            new DiscardingSink<>(),
                            new DiscardingSink<>(),
                            new DiscardingSink<>(),
                            new DiscardingSink<>(),
                            new DiscardingSink<>()),
                    config,
                    InferArticles.triton(config.inference()));
            JobClient job = env.executeAsync("newsflow-state-size");
            out.printf(
                    "%d articles at %d/s (every 5th a re-crawl, every 7th a copy under another"
                            + " URL); dedup TTL %d s, story window 10 min of article time (= %d"
                            + " s here); %d cpus%n",
                    articles,
                    perSecond,
                    ttl.toSeconds(),
                    60 / perSecond,
                    Runtime.getRuntime().availableProcessors());
            out.println("elapsed  articles read  checkpoint  full state size  last increment");
            CheckpointStats stats =
                    new CheckpointStats(
                            URI.create("http://127.0.0.1:" + restPort + "/"),
                            job.getJobID().toString());
            long started = System.nanoTime();
            long lastId = -1;
            // Per operator: after the lifetimes have turned over once (2 TTLs), and at the end.
            Map<String, Long> settled = null;
            Map<String, Long> last = null;
            try {
                while (running(job)) {
                    Thread.sleep(5_000);
                    JsonNode latest = whileRunning(stats::latestCompletedSummary);
                    if (latest == null || latest.path("id").asLong() == lastId) {
                        continue;
                    }
                    lastId = latest.path("id").asLong();
                    long elapsed = (System.nanoTime() - started) / 1_000_000_000L;
                    Long read = whileRunning(stats::sourceRecordsOut);
                    out.printf(
                            "%5d s  %13d  %10d  %11.2f MiB  %10.2f MiB%n",
                            elapsed,
                            read == null ? -1 : read,
                            lastId,
                            latest.path("state_size").asLong() / 1048576.0,
                            latest.path("checkpointed_size").asLong() / 1048576.0);
                    long id = lastId;
                    Map<String, Long> sizes = whileRunning(() -> stats.stateSizes(id));
                    if (sizes != null) {
                        last = sizes;
                        if (settled == null && elapsed >= 2 * ttl.toSeconds()) {
                            settled = sizes;
                        }
                    }
                }
            } finally {
                if (running(job)) {
                    job.cancel().get();
                }
            }
            printByOperator(settled, last);
        }
    }

    private void printByOperator(Map<String, Long> settled, Map<String, Long> last) {
        if (settled == null || last == null) {
            return;
        }
        out.println();
        out.println("state by operator chain   after 2 TTLs      at the end");
        last.forEach(
                (name, size) -> {
                    if (size > 0 || settled.getOrDefault(name, 0L) > 0) {
                        out.printf(
                                "  %-60s %8.2f MiB  %8.2f MiB%n",
                                name.length() > 60 ? name.substring(0, 57) + "..." : name,
                                settled.getOrDefault(name, 0L) / 1048576.0,
                                size / 1048576.0);
                    }
                });
    }

    /** The call's answer, or null once the job has ended and its REST endpoint with it. */
    private static <T> T whileRunning(Callable<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            return null;
        }
    }

    private EnrichmentConfig config(InferenceServer server) {
        long ttlMs = ttl.toMillis();
        EnrichmentConfig config =
                EnrichmentConfig.fromEnv(
                        Map.of(
                                DedupConfig.URL_TTL_MS, String.valueOf(ttlMs),
                                DedupConfig.CONTENT_TTL_MS, String.valueOf(ttlMs),
                                DedupConfig.NEAR_DUPLICATE_TTL_MS, String.valueOf(ttlMs),
                                StoryConfig.WINDOW_MS,
                                        String.valueOf(Duration.ofMinutes(10).toMillis()),
                                StoryConfig.STATE_TTL_MS,
                                        String.valueOf(
                                                Math.max(
                                                        ttlMs,
                                                        Duration.ofMinutes(11).toMillis()))));
        return config.withInference(config.inference().withEndpoint(server.host(), server.port()));
    }

    /**
     * Article {@code i}: new text, except every 5th re-crawls article i-3, every 7th copies i-2.
     */
    static RawRecord crawlRecord(long i) {
        long source = i % 5 == 4 ? i - 3 : i % 7 == 6 ? i - 2 : i;
        Random random = new Random(source);
        String url =
                i % 7 == 6 && i % 5 != 4
                        ? "https://copies.example/" + i
                        : "https://site" + (source % 9) + ".example/a/" + source;
        StringBuilder html = new StringBuilder("<html><body><article><h1>");
        html.append("Report ").append(source).append(": ").append(words(random, 6)).append("</h1>");
        for (int p = 0; p < 4; p++) {
            html.append("<p>").append(words(random, 35)).append(".</p>");
        }
        html.append("</article></body></html>");
        CrawlEvent event =
                CrawlEvent.newBuilder()
                        .setEventId("state-" + i)
                        .setUrl(url)
                        .setSource(URI.create(url).getHost())
                        .setHtml(html.toString())
                        .setFetchedAt(START.plusSeconds(10 * i))
                        .build();
        byte[] value = Topics.CRAWL.valueSerde().serializer().serialize(Topics.CRAWL.name(), event);
        return new RawRecord(Topics.CRAWL.name(), 0, i, null, value);
    }

    private static String words(Random random, int n) {
        StringBuilder s = new StringBuilder();
        for (int w = 0; w < n; w++) {
            s.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return s.toString();
    }

    /** False once the job ended (the local cluster shuts down with it). */
    private static boolean running(JobClient job) {
        try {
            return !job.getJobStatus().get().isTerminalState();
        } catch (Exception e) {
            return false;
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
