package dev.newsflow.cli.bench;

import dev.newsflow.cli.stack.Progress;
import dev.newsflow.jobs.config.PersonaConfig;
import dev.newsflow.jobs.job.PersonaJob;
import dev.newsflow.jobs.job.PersonaSinks;
import dev.newsflow.schemas.kafka.Topics;
import dev.newsflow.schemas.search.SearchIndexBootstrap;
import dev.newsflow.testkit.flink.FlinkTestCluster;
import dev.newsflow.testkit.kafka.KafkaBroker;
import dev.newsflow.testkit.opensearch.OpenSearchNode;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persona job on real Kafka and OpenSearch, on a Flink MiniCluster (parallelism 2, RocksDB,
 * exactly-once checkpoints at the job's interval), in three measurements:
 *
 * <ol>
 *   <li>latency at each of {@code rates} interactions/s: a like for one of 100 probe users every
 *       100 ms, timed from send until a realtime GET by id returns the updated persona ({@link
 *       LatencyPhase}); first, while no merge or compaction of a bulk load is running;
 *   <li>sustained throughput: {@code interactions} published at once over {@code users} users,
 *       interactions/s until the job has applied them all, and the CPU each one cost in the job's
 *       JVM, OpenSearch and Kafka;
 *   <li>state size: the persona and join operators' state in a checkpoint taken after the load, per
 *       user and per article, and the serialized state of one user.
 * </ol>
 */
public final class PersonaBenchmark {

    // Initialized on this thread before servers start on others: SLF4J set up concurrently
    // warns of "substitute loggers" and drops their first lines.
    private static final Logger LOG = LoggerFactory.getLogger(PersonaBenchmark.class);

    /** The benchmark's shape; defaults are those of {@code ./newsflow bench personas}. */
    public record Options(
            int users, int articles, int interactions, List<Integer> rates, Duration phase) {}

    private final Options options;
    private final PrintStream out;

    public PersonaBenchmark(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public void run(Path work) throws Exception {
        String machine = Machine.describe();
        out.println(machine);
        LOG.info("persona benchmark in {}: {}", work, machine);
        Progress progress = new Progress(out, 5 + options.rates().size());
        progress.step("Starting Kafka (KRaft) and OpenSearch with k-NN");
        CompletableFuture<OpenSearchNode> os =
                CompletableFuture.supplyAsync(
                        () -> OpenSearchNode.start(work.resolve("opensearch")));
        try (KafkaBroker kafka = KafkaBroker.start(work.resolve("kafka"));
                OpenSearchNode openSearch = os.join()) {
            kafka.createTopics(Topics.all());
            new SearchIndexBootstrap(openSearch.httpUri()).ensureAll();
            PersonaConfig config =
                    PersonaConfig.fromEnv(Map.of())
                            .withEndpoints(kafka.bootstrapServers(), openSearch.httpUri());

            progress.step(
                    "Starting the persona job (parallelism 2, RocksDB, checkpoints every "
                            + config.checkpointInterval().toSeconds()
                            + " s)");
            int restPort = freePort();
            JobClient job = start(config, work.resolve("checkpoints"), restPort);
            CheckpointStats stats =
                    new CheckpointStats(
                            URI.create("http://127.0.0.1:" + restPort), job.getJobID().toString());
            PersonaCounter applied = new PersonaCounter(stats);
            try (PersonaLoad load = new PersonaLoad(kafka.bootstrapServers(), options.articles())) {
                progress.step("Publishing " + options.articles() + " articles; warming up");
                load.publishArticles(Instant.now());
                List<String> users = PersonaLoad.users("user-", options.users());
                for (int i = 0; i < 1_000; i++) {
                    load.send(users.get(i % users.size()));
                }
                load.flush();
                require(applied.await(1_000, Duration.ofMinutes(5)), "warm-up");

                List<LatencyPhase.Result> latencies = new ArrayList<>();
                LatencyPhase phase =
                        new LatencyPhase(
                                load, applied, users, openSearch.httpUri(), options.phase());
                for (int rate : options.rates()) {
                    progress.step(
                            "Latency at "
                                    + rate
                                    + " interactions/s for "
                                    + options.phase().toSeconds()
                                    + " s");
                    latencies.add(phase.run(rate));
                }

                progress.step("Throughput: " + options.interactions() + " interactions at once");
                long before = applied.count();
                Map<String, Double> cpuBefore = ProcessCpu.snapshot();
                long start = System.nanoTime();
                for (int i = 0; i < options.interactions(); i++) {
                    load.send(users.get(i % users.size()));
                }
                load.flush();
                require(
                        applied.await(before + options.interactions(), Duration.ofMinutes(15)),
                        "throughput phase");
                double throughput = options.interactions() / ((System.nanoTime() - start) / 1e9);
                Map<String, Double> cpu = ProcessCpu.since(cpuBefore);

                progress.step("State size from a checkpoint after the load");
                long checkpoint = awaitNextCheckpoint(stats);
                long personaState = stats.stateSize(checkpoint, "update persona");
                long joinState = stats.stateSize(checkpoint, "join article embeddings");
                long stateUsers = stateUsers();
                long interactionsPerUser = applied.count() / stateUsers;

                out.println();
                out.println(Machine.describe());
                out.printf(
                        "sustained throughput: %,.0f interactions/s (%,d interactions over %,d"
                                + " users)%n",
                        throughput, options.interactions(), options.users());
                out.printf(
                        "  CPU per interaction: %s; total %.2f ms: 2 cores allow ~%,.0f/s%n",
                        cpu.entrySet().stream()
                                .map(
                                        e ->
                                                String.format(
                                                        "%s %.2f ms",
                                                        e.getKey(),
                                                        1e3
                                                                * e.getValue()
                                                                / options.interactions()))
                                .collect(Collectors.joining(", ")),
                        1e3 * total(cpu) / options.interactions(),
                        2.0 * options.interactions() / total(cpu));
                for (LatencyPhase.Result r : latencies) {
                    out.println("like -> persona readable in OpenSearch (realtime GET): " + r);
                }
                out.printf(
                        "persona state in checkpoint %d: %,d bytes for %,d users = %,d bytes/user"
                                + " (RocksDB SST files, ~%d interactions/user)%n",
                        checkpoint,
                        personaState,
                        stateUsers,
                        personaState / stateUsers,
                        interactionsPerUser);
                out.printf(
                        "join state: %,d bytes for %,d articles = %,d bytes/article%n",
                        joinState, options.articles(), joinState / options.articles());
                out.printf(
                        "serialized PersonaState: %,d bytes after %d interactions, %,d bytes"
                                + " saturated (300 interactions: k interests, full lists, full"
                                + " dedup window)%n",
                        PersonaStateSize.afterInteractions(
                                (int) interactionsPerUser, config.rules()),
                        interactionsPerUser,
                        PersonaStateSize.afterInteractions(300, config.rules()));
            } finally {
                job.cancel().get(60, TimeUnit.SECONDS);
            }
        }
    }

    private long stateUsers() {
        return options.users() + LatencyPhase.PROBE_USERS;
    }

    private static JobClient start(PersonaConfig config, Path checkpoints, int restPort)
            throws Exception {
        Files.createDirectories(checkpoints);
        Configuration flink = FlinkTestCluster.configuration(checkpoints);
        // The job's own interval (5 s by default), not the tests' 2 s.
        flink.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, config.checkpointInterval());
        flink.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        flink.set(RestOptions.ADDRESS, "127.0.0.1");
        flink.set(RestOptions.PORT, restPort);
        // The counter the benchmark waits on, fresh every 100 ms instead of every 10 s.
        flink.set(MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL, Duration.ofMillis(100));
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(flink);
        env.setParallelism(FlinkTestCluster.PARALLELISM);
        PersonaJob.defineWorkflow(
                env,
                PersonaJob.kafkaSource(config, Topics.INTERACTIONS.name()),
                PersonaJob.kafkaSource(config, Topics.ENRICHED.name()),
                PersonaSinks.production(config),
                config);
        return env.executeAsync(PersonaJob.NAME);
    }

    /** A checkpoint that started after the load: it holds every user's state. */
    private static long awaitNextCheckpoint(CheckpointStats stats) throws Exception {
        long last = stats.latestCompleted();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (stats.latestCompleted() < last + 2) {
            require(System.nanoTime() < deadline, "a checkpoint after the load");
            Thread.sleep(200);
        }
        return stats.latestCompleted();
    }

    private static double total(Map<String, Double> cpu) {
        return cpu.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(
                    "the persona job did not finish the " + what + " in time");
        }
    }
}
