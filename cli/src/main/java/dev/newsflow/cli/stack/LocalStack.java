package dev.newsflow.cli.stack;

import dev.newsflow.cli.publish.CrawlEventPublisher;
import dev.newsflow.cli.publish.FeedCommandPublisher;
import dev.newsflow.inference.embedding.MiniLmEmbedder;
import dev.newsflow.inference.embedding.TextEmbedder;
import dev.newsflow.inference.server.InferenceServer;
import dev.newsflow.inference.server.InferenceServerConfig;
import dev.newsflow.jobs.config.EnrichmentConfig;
import dev.newsflow.jobs.config.FeedIngestConfig;
import dev.newsflow.jobs.config.PersonaConfig;
import dev.newsflow.jobs.functions.inference.InferArticles;
import dev.newsflow.jobs.functions.ingest.HttpFeedPoller;
import dev.newsflow.jobs.functions.ingest.HttpPageFetcher;
import dev.newsflow.jobs.job.EnrichmentJob;
import dev.newsflow.jobs.job.EnrichmentSinks;
import dev.newsflow.jobs.job.FeedIngestJob;
import dev.newsflow.jobs.job.FeedIngestSinks;
import dev.newsflow.jobs.job.PersonaJob;
import dev.newsflow.jobs.job.PersonaSinks;
import dev.newsflow.query.QueryService;
import dev.newsflow.query.QueryServiceHandle;
import dev.newsflow.query.config.FeedConfig;
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
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
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
 * artifacts, the same fixtures the integration tests use), the local inference server (gRPC, the
 * protocol Triton speaks), the enrichment job on a Flink MiniCluster, and the query service. {@link
 * #close()} stops everything in reverse order.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

    /** Where to run and which ports to use (0 = any free port). */
    public record Options(Path workDir, int httpPort, int flinkUiPort, int parallelism) {}

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private KafkaBroker kafka;
    private OpenSearchNode openSearch;
    private QueryServiceHandle queryService;
    private LocalApiKeys apiKeys;
    private URI flinkUi;
    private PipelineWatch watch;

    /** The local stack runs feed ingestion, enrichment and personas as one job. */
    public static final String JOB_NAME = "newsflow-local-stack";

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
        new SearchIndexBootstrap(openSearch.httpUri()).ensureAll();
        progress.note(
                "OpenSearch "
                        + openSearch.httpUri()
                        + "  indices: "
                        + SearchIndex.all().stream()
                                .map(SearchIndex::concreteIndex)
                                .collect(java.util.stream.Collectors.joining(", ")));

        progress.step("Loading all-MiniLM-L6-v2 (ONNX Runtime, from the Maven jar)");
        TextEmbedder queryEmbedder = new MiniLmEmbedder();
        resources.push(queryEmbedder);
        // The job reaches the models the way it reaches Triton in production: over gRPC.
        InferenceServer inference =
                InferenceServer.start(InferenceServerConfig.defaults().withPort(0), queryEmbedder);
        resources.push(inference);
        progress.note(
                "Inference  "
                        + inference.host()
                        + ":"
                        + inference.port()
                        + "  models: embedder, summarizer (CPU stand-in for the 7B model)");

        progress.step("Starting feed ingestion, enrichment and personas on a Flink MiniCluster");
        EnrichmentConfig config =
                EnrichmentConfig.fromEnv(Map.of())
                        .withEndpoints(kafka.bootstrapServers(), openSearch.httpUri());
        config =
                config.withInference(
                        config.inference().withEndpoint(inference.host(), inference.port()));
        FeedIngestConfig ingest =
                FeedIngestConfig.fromEnv(
                        Map.of(FeedIngestConfig.KAFKA_BOOTSTRAP, kafka.bootstrapServers()));
        PersonaConfig personas =
                PersonaConfig.fromEnv(Map.of())
                        .withEndpoints(kafka.bootstrapServers(), openSearch.httpUri());
        startJobs(config, ingest, personas, work, options);
        watch = PipelineWatch.start(kafka.bootstrapServers(), progress);
        resources.push(watch);
        progress.note("Flink UI   " + flinkUi);

        progress.step("Starting the query service");
        Vertx vertx = Vertx.vertx();
        resources.push(() -> vertx.close().await(30, TimeUnit.SECONDS));
        apiKeys = LocalApiKeys.create(work.resolve("api-keys.json"));
        QueryServiceConfig queryConfig =
                QueryServiceConfig.defaults()
                        .withHttpPort(options.httpPort())
                        .withOpenSearchUri(openSearch.httpUri())
                        .withKafkaBootstrapServers(kafka.bootstrapServers())
                        .withApiKeysFile(apiKeys.file())
                        // the sample spans 3 days and a bit: a week keeps all of it in the feed
                        .withFeed(FeedConfig.defaults().withRecencyWindow(Duration.ofDays(7)));
        queryService =
                QueryService.deploy(vertx, queryConfig, queryEmbedder).await(60, TimeUnit.SECONDS);
        resources.push(() -> queryService.close().await(30, TimeUnit.SECONDS));
        progress.note("Search     " + queryService.baseUri() + "/search?q=...");
    }

    /**
     * The three jobs as one job graph on one MiniCluster (one web UI): feed ingestion into {@code
     * news.crawl}, enrichment from it, and personas from {@code user.interactions} and {@code
     * news.enriched}.
     */
    private void startJobs(
            EnrichmentConfig enrichment,
            FeedIngestConfig ingest,
            PersonaConfig personas,
            Path work,
            Options options)
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
                EnrichmentJob.kafkaSource(enrichment),
                EnrichmentSinks.production(enrichment),
                enrichment,
                InferArticles.triton(enrichment.inference()));
        FeedIngestJob.defineWorkflow(
                env,
                FeedIngestJob.feedSource(ingest, HttpFeedPoller.factory(ingest.fetchPolicy())),
                FeedIngestSinks.production(ingest),
                ingest,
                HttpPageFetcher.factory(ingest.fetchPolicy()));
        PersonaJob.defineWorkflow(
                env,
                PersonaJob.kafkaSource(personas, Topics.INTERACTIONS.name()),
                PersonaJob.kafkaSource(personas, Topics.ENRICHED.name()),
                PersonaSinks.production(personas),
                personas);
        JobClient job = env.executeAsync(JOB_NAME);
        resources.push(() -> cancel(job));
        flinkUi = URI.create("http://127.0.0.1:" + options.flinkUiPort());
        LOG.info("Job {} ({}) submitted", JOB_NAME, job.getJobID());
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

    /** The API keys of the local stack's reader and analyst, fresh on every start. */
    public LocalApiKeys apiKeys() {
        return apiKeys;
    }

    public URI queryServiceUri() {
        return queryService.baseUri();
    }

    public URI flinkUiUri() {
        return flinkUi;
    }

    /** Publishes crawl events to {@code news.crawl}. */
    public void publish(java.util.Collection<CrawlEvent> events) {
        try (var publisher = new CrawlEventPublisher(kafka.bootstrapServers())) {
            publisher.publish(events);
        }
    }

    /**
     * Waits until {@code published} more events have been enriched or dead-lettered since the stack
     * started; returns false if that takes longer than {@code timeout}.
     */
    public boolean awaitProcessed(long published, Duration timeout, Progress progress)
            throws InterruptedException {
        return watch.awaitProcessed(published, timeout, progress);
    }

    /** Adds feeds to the running feed ingestion through {@code feeds.control}. */
    public void follow(List<URI> feeds) {
        try (var control = new FeedCommandPublisher(kafka.bootstrapServers())) {
            control.add(feeds);
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
