package dev.newsflow.cli.stack;

import dev.newsflow.inference.embedding.MiniLmEmbedder;
import dev.newsflow.inference.embedding.TextEmbedder;
import dev.newsflow.jobs.config.EnrichmentConfig;
import dev.newsflow.jobs.job.EnrichmentJob;
import dev.newsflow.jobs.job.EnrichmentSinks;
import dev.newsflow.query.QueryService;
import dev.newsflow.query.QueryServiceHandle;
import dev.newsflow.query.config.QueryServiceConfig;
import dev.newsflow.schemas.CrawlEvent;
import dev.newsflow.schemas.kafka.Topics;
import dev.newsflow.schemas.search.SearchIndex;
import dev.newsflow.schemas.search.SearchIndexBootstrap;
import dev.newsflow.testkit.flink.FlinkTestCluster;
import dev.newsflow.testkit.kafka.KafkaBroker;
import dev.newsflow.testkit.opensearch.OpenSearchNode;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system on one machine: a real Kafka broker and OpenSearch node (from Maven Central
 * artifacts, the same fixtures the integration tests use), the enrichment job on a Flink
 * MiniCluster, and the query service. {@link #close()} stops everything in reverse order.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

    /** Where to run and which ports to use (0 = any free port). */
    public record Options(Path workDir, int httpPort, int flinkUiPort, int parallelism) {}

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private KafkaBroker kafka;
    private OpenSearchNode openSearch;
    private QueryServiceHandle queryService;
    private URI flinkUi;

    private LocalStack() {}

    /** Starts every part, reporting each step; on failure, stops what was started and rethrows. */
    public static LocalStack start(Options options, Progress progress) throws Exception {
        LocalStack stack = new LocalStack();
        try {
            stack.startAll(options, progress);
            return stack;
        } catch (Exception e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(Options options, Progress progress) throws Exception {
        Path work = Files.createDirectories(options.workDir().toAbsolutePath());
        progress.step("Starting Kafka (KRaft) and OpenSearch with k-NN");
        // OpenSearch is the slow one; the broker starts meanwhile.
        CompletableFuture<OpenSearchNode> os =
                CompletableFuture.supplyAsync(
                        () -> OpenSearchNode.start(work.resolve("opensearch")));
        try {
            kafka = KafkaBroker.start(work.resolve("kafka"));
        } catch (RuntimeException e) {
            os.thenAccept(OpenSearchNode::close);
            throw e;
        }
        resources.push(kafka);
        kafka.createTopics(Topics.all());
        progress.note("Kafka      " + kafka.bootstrapServers() + "  topics: " + topicNames());
        openSearch = os.join();
        resources.push(openSearch);
        new SearchIndexBootstrap(openSearch.httpUri()).ensure(SearchIndex.ARTICLES);
        progress.note(
                "OpenSearch "
                        + openSearch.httpUri()
                        + "  index: "
                        + SearchIndex.ARTICLES.concreteIndex());

        progress.step("Loading all-MiniLM-L6-v2 (ONNX Runtime, from the Maven jar)");
        TextEmbedder queryEmbedder = new MiniLmEmbedder();
        resources.push(queryEmbedder);

        progress.step("Starting the enrichment job on a Flink MiniCluster");
        EnrichmentConfig config =
                EnrichmentConfig.fromEnv(Map.of())
                        .withEndpoints(kafka.bootstrapServers(), openSearch.httpUri());
        startEnrichmentJob(config, work, options);
        progress.note("Flink UI   " + flinkUi);

        progress.step("Starting the query service");
        Vertx vertx = Vertx.vertx();
        resources.push(() -> vertx.close().await(30, TimeUnit.SECONDS));
        QueryServiceConfig queryConfig =
                QueryServiceConfig.defaults()
                        .withHttpPort(options.httpPort())
                        .withOpenSearchUri(openSearch.httpUri());
        queryService =
                QueryService.deploy(vertx, queryConfig, queryEmbedder).await(60, TimeUnit.SECONDS);
        resources.push(() -> queryService.close().await(30, TimeUnit.SECONDS));
        progress.note("Search     " + queryService.baseUri() + "/search?q=...");
    }

    private void startEnrichmentJob(EnrichmentConfig config, Path work, Options options)
            throws Exception {
        Configuration flink = FlinkTestCluster.configuration(work.resolve("checkpoints"));
        flink.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        flink.set(RestOptions.ADDRESS, "127.0.0.1");
        flink.set(RestOptions.PORT, options.flinkUiPort());
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(flink);
        env.setParallelism(options.parallelism());
        EnrichmentJob.defineWorkflow(
                env,
                EnrichmentJob.kafkaSource(config),
                EnrichmentSinks.production(config),
                config,
                EnrichmentJob.embedder(options.parallelism()));
        JobClient job = env.executeAsync(EnrichmentJob.NAME);
        resources.push(() -> cancel(job));
        flinkUi = URI.create("http://127.0.0.1:" + options.flinkUiPort());
        LOG.info("Enrichment job {} submitted", job.getJobID());
    }

    private static void cancel(JobClient job) throws Exception {
        try {
            job.cancel().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Cancelling job {} failed: {}", job.getJobID(), e.toString());
        }
    }

    private static String topicNames() {
        return String.join(", ", Topics.all().stream().map(Topics.Topic::name).toList());
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public URI openSearchUri() {
        return openSearch.httpUri();
    }

    public URI queryServiceUri() {
        return queryService.baseUri();
    }

    public URI flinkUiUri() {
        return flinkUi;
    }

    /** Publishes crawl events to {@code news.crawl}. */
    public void publish(java.util.Collection<CrawlEvent> events) {
        try (var publisher =
                new dev.newsflow.cli.publish.CrawlEventPublisher(kafka.bootstrapServers())) {
            publisher.publish(events);
        }
    }

    /**
     * Waits until every published event is either indexed or dead-lettered, reporting progress;
     * returns false if that takes longer than {@code timeout}.
     */
    public boolean awaitProcessed(long published, java.time.Duration timeout, Progress progress)
            throws InterruptedException {
        ArticleCounter articles = new ArticleCounter(openSearch.httpUri());
        try (DeadLetterWatcher deadLetters =
                new DeadLetterWatcher(
                        kafka.bootstrapServers(),
                        d ->
                                progress.note(
                                        "dead-lettered at "
                                                + d.getStage()
                                                + ": "
                                                + d.getReason()))) {
            long deadline = System.nanoTime() + timeout.toNanos();
            long lastReported = -1;
            while (System.nanoTime() < deadline) {
                long indexed = articles.count();
                long done = indexed + deadLetters.count();
                if (done != lastReported) {
                    progress.note(
                            String.format(
                                    "%d of %d processed: %d indexed, %d dead-lettered",
                                    Math.min(done, published),
                                    published,
                                    indexed,
                                    deadLetters.count()));
                    lastReported = done;
                }
                if (done >= published) {
                    return true;
                }
                Thread.sleep(1_000);
            }
            return false;
        }
    }

    @Override
    public void close() {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Stopping {} failed: {}", resource, e.toString());
            }
        }
    }
}
