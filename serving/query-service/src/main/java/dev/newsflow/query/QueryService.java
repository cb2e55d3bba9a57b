package dev.newsflow.query;

import dev.newsflow.inference.embedding.MiniLmEmbedder;
import dev.newsflow.inference.embedding.TextEmbedder;
import dev.newsflow.query.auth.ApiKeyStore;
import dev.newsflow.query.config.QueryServiceConfig;
import dev.newsflow.query.embedding.QueryEmbedder;
import dev.newsflow.query.feed.PersonalFeed;
import dev.newsflow.query.http.QueryRouter;
import dev.newsflow.query.interactions.InteractionLog;
import dev.newsflow.query.interactions.InteractionLogFactory;
import dev.newsflow.query.interactions.KafkaInteractionLog;
import dev.newsflow.query.pipeline.KafkaPipelineMonitor;
import dev.newsflow.query.pipeline.PipelineMonitor;
import dev.newsflow.query.ratelimit.RateLimiter;
import dev.newsflow.query.search.ArticleSearch;
import dev.newsflow.schemas.search.SearchIndex;
import dev.newsflow.schemas.search.SearchIndexBootstrap;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The query service verticle: hybrid search and article look-up over the OpenSearch articles alias,
 * interactions to Kafka, analyst statistics, health, metrics and the OpenAPI description.
 * Deployment completes only once the server listens, so a deployed service always has its {@link
 * #actualPort()}.
 *
 * <p>Vert.x 5 deprecates {@code AbstractVerticle.start(Promise)}; {@link VerticleBase#start()}
 * returning the {@code listen} future is its equivalent.
 */
public final class QueryService extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(QueryService.class);

    private final QueryServiceConfig config;
    private final TextEmbedder embedder;
    private final InteractionLogFactory interactionLogs;
    private volatile HttpServer server;
    private WorkerExecutor workers;
    private WorkerExecutor kafkaWorkers;

    /**
     * Keep-alive connections to OpenSearch. Vert.x's default of 5 queues requests behind each other
     * as soon as a few clients search at once (a search is two requests, a feed one per interest).
     */
    static final int OPENSEARCH_CONNECTIONS = 64;

    private WebClient client;
    private InteractionLog interactions;
    private PipelineMonitor pipeline;

    /** The embedder stays owned by the caller, which closes it after undeploying the service. */
    public QueryService(
            QueryServiceConfig config,
            TextEmbedder embedder,
            InteractionLogFactory interactionLogs) {
        this.config = config;
        this.embedder = embedder;
        this.interactionLogs = interactionLogs;
    }

    /** Interactions go to the Kafka brokers of {@code config}. */
    public static InteractionLogFactory kafka(QueryServiceConfig config) {
        return (vertx, workers) ->
                new KafkaInteractionLog(
                        vertx, workers, config.kafkaBootstrapServers(), config.readyTimeout());
    }

    /**
     * Deploys a query service on {@code vertx}; the future completes once it listens.
     *
     * @return the handle that gives the actual port and stops the service
     */
    public static Future<QueryServiceHandle> deploy(
            Vertx vertx, QueryServiceConfig config, TextEmbedder embedder) {
        return deploy(vertx, config, embedder, kafka(config));
    }

    /** As {@link #deploy(Vertx, QueryServiceConfig, TextEmbedder)}, interactions elsewhere. */
    public static Future<QueryServiceHandle> deploy(
            Vertx vertx,
            QueryServiceConfig config,
            TextEmbedder embedder,
            InteractionLogFactory interactionLogs) {
        QueryService service = new QueryService(config, embedder, interactionLogs);
        return vertx.deployVerticle(service)
                .map(
                        id ->
                                new QueryServiceHandle(
                                        vertx, id, config.httpHost(), service.actualPort()));
    }

    @Override
    public Future<?> start() {
        workers =
                vertx.createSharedWorkerExecutor(
                        "newsflow-query-embedder", config.embedderThreads());
        client =
                WebClient.create(
                        vertx,
                        new WebClientOptions()
                                .setConnectTimeout((int) config.openSearchTimeout().toMillis()),
                        new PoolOptions().setHttp1MaxSize(OPENSEARCH_CONNECTIONS));
        ArticleSearch search =
                new ArticleSearch(
                        client,
                        config.openSearchUri(),
                        config.indexAlias(),
                        config.openSearchTimeout());
        QueryEmbedder queries = new QueryEmbedder(embedder, workers);
        ApiKeyStore keys = ApiKeyStore.load(config.apiKeysFile());
        kafkaWorkers = vertx.createSharedWorkerExecutor("newsflow-query-kafka", 2);
        interactions = interactionLogs.create(vertx, kafkaWorkers);
        pipeline =
                new KafkaPipelineMonitor(
                        kafkaWorkers,
                        config.kafkaBootstrapServers(),
                        KafkaPipelineMonitor.groupsFromEnv(System.getenv()),
                        Clock.systemUTC());
        QueryRouter.Components components =
                new QueryRouter.Components(
                        queries,
                        search,
                        interactions,
                        keys,
                        new RateLimiter(config.rateLimit()),
                        config.defaultK(),
                        pipeline,
                        new PersonalFeed(
                                search,
                                SearchIndex.PERSONAS.alias(),
                                SearchIndex.STORIES.alias(),
                                config.feed(),
                                Clock.systemUTC()));
        LOG.info(
                "Query service: {} API key(s) from {}, rate limit {}",
                keys.size(),
                config.apiKeysFile(),
                config.rateLimit());
        return vertx.createHttpServer(
                        new HttpServerOptions()
                                .setHost(config.httpHost())
                                .setPort(config.httpPort()))
                .requestHandler(QueryRouter.create(vertx, components))
                .listen()
                .onSuccess(
                        listening -> {
                            server = listening;
                            LOG.info(
                                    "Query service listening on http://{}:{} (OpenSearch {}, alias"
                                            + " '{}', embedder {})",
                                    config.httpHost(),
                                    listening.actualPort(),
                                    config.openSearchUri(),
                                    config.indexAlias(),
                                    embedder.modelName());
                        })
                .onFailure(
                        e ->
                                LOG.error(
                                        "Query service cannot listen on {}:{}",
                                        config.httpHost(),
                                        config.httpPort(),
                                        e));
    }

    @Override
    public Future<?> stop() {
        HttpServer listening = server;
        Future<Void> closed = listening == null ? Future.succeededFuture() : listening.close();
        return closed.eventually(interactions::close)
                .eventually(pipeline::close)
                .eventually(
                        () -> {
                            client.close();
                            return Future.join(workers.close(), kafkaWorkers.close());
                        })
                .mapEmpty();
    }

    /** The port the server listens on; {@code -1} before {@code start} succeeded. */
    public int actualPort() {
        HttpServer listening = server;
        return listening == null ? -1 : listening.actualPort();
    }

    /**
     * Runs the service stand-alone with the configuration from the environment (see the {@code
     * ENV_*} keys of {@link QueryServiceConfig}) and the in-process MiniLM embedder.
     */
    public static void main(String[] args) throws Exception {
        QueryServiceConfig config = QueryServiceConfig.fromEnv(System.getenv());
        bootstrapIndex(config);
        TextEmbedder embedder = new MiniLmEmbedder();
        Vertx vertx = Vertx.vertx();
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(() -> shutDown(vertx, embedder), "query-service-shutdown"));
        try {
            deploy(vertx, config, embedder).await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.error("Query service failed to start with {}", config, e);
            System.exit(1);
        }
    }

    /**
     * Every service ensures the indexes it reads on start (whichever starts first creates them).
     * Best effort: OpenSearch may come up later, which {@code /ready} then reports.
     */
    private static void bootstrapIndex(QueryServiceConfig config) {
        if (!SearchIndex.ARTICLES.alias().equals(config.indexAlias())) {
            return;
        }
        try {
            new SearchIndexBootstrap(config.openSearchUri()).ensure(SearchIndex.ARTICLES);
        } catch (RuntimeException e) {
            LOG.warn(
                    "Cannot ensure index {} at {} yet; /ready stays 503 until OpenSearch answers",
                    SearchIndex.ARTICLES.alias(),
                    config.openSearchUri(),
                    e);
        }
    }

    private static void shutDown(Vertx vertx, TextEmbedder embedder) {
        try {
            vertx.close().await(30, TimeUnit.SECONDS);
            embedder.close();
        } catch (Exception e) {
            LOG.warn("Query service did not shut down cleanly", e);
        }
    }
}
