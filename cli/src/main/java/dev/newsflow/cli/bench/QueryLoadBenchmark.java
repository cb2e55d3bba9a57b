package dev.newsflow.cli.bench;

import dev.newsflow.cli.stack.Progress;
import dev.newsflow.inference.embedding.MiniLmEmbedder;
import dev.newsflow.jobs.functions.Vectors;
import dev.newsflow.jobs.sinks.PersonaDocuments;
import dev.newsflow.query.QueryService;
import dev.newsflow.query.QueryServiceHandle;
import dev.newsflow.query.auth.CreateApiKey;
import dev.newsflow.query.auth.Role;
import dev.newsflow.query.config.QueryServiceConfig;
import dev.newsflow.schemas.Interest;
import dev.newsflow.schemas.Persona;
import dev.newsflow.schemas.kafka.Topics;
import dev.newsflow.schemas.search.SearchIndex;
import dev.newsflow.schemas.search.SearchIndexBootstrap;
import dev.newsflow.testkit.kafka.KafkaBroker;
import dev.newsflow.testkit.opensearch.OpenSearchNode;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feed and search latency of the query service under load: {@code articles} articles (real
 * CNN/DailyMail passages with their MiniLM vectors, see {@link QueryCorpus}) and {@code users}
 * personas in a real OpenSearch node, the service in this JVM with its real MiniLM query embedder
 * and rate limits lifted, and the load generator beside it (so they share the CPUs, as {@code wrk}
 * on the same host would). Closed loops at each client count, then both routes at each fixed rate.
 */
public final class QueryLoadBenchmark {

    // Initialized on this thread before servers start on others: SLF4J set up concurrently
    // warns of "substitute loggers" and drops their first lines.
    private static final Logger LOG = LoggerFactory.getLogger(QueryLoadBenchmark.class);

    /** The benchmark's shape; defaults are those of {@code ./newsflow bench query}. */
    public record Options(
            Path cnndm,
            int articles,
            int users,
            List<Integer> clients,
            List<Integer> rates,
            Duration phase) {}

    private final Options options;
    private final PrintStream out;

    public QueryLoadBenchmark(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public void run(Path work) throws Exception {
        String machine = Machine.describe();
        out.println(machine);
        LOG.info("query load benchmark in {}: {}", work, machine);
        Progress progress = new Progress(out, 5);
        progress.step("Starting Kafka (KRaft) and OpenSearch with k-NN");
        CompletableFuture<OpenSearchNode> os =
                CompletableFuture.supplyAsync(
                        () -> OpenSearchNode.start(work.resolve("opensearch")));
        try (KafkaBroker kafka = KafkaBroker.start(work.resolve("kafka"));
                OpenSearchNode openSearch = os.join();
                MiniLmEmbedder embedder = new MiniLmEmbedder()) {
            kafka.createTopics(Topics.all());
            new SearchIndexBootstrap(openSearch.httpUri()).ensureAll();

            progress.step("Embedding passages of " + options.cnndm().getFileName());
            QueryCorpus corpus =
                    new QueryCorpus(
                            QueryCorpus.passages(options.cnndm(), embedder),
                            Instant.now(),
                            Duration.ofDays(3));
            progress.note(corpus.passageCount() + " passages with their MiniLM vectors");

            progress.step("Indexing " + options.articles() + " articles and personas");
            long started = System.nanoTime();
            index(openSearch.httpUri(), corpus, progress);
            progress.note(
                    String.format(
                            "%d articles and %d personas indexed in %.0f s",
                            options.articles(),
                            options.users(),
                            (System.nanoTime() - started) / 1e9));
            List<String> keys = apiKeys(work.resolve("api-keys.json"));

            progress.step("Starting the query service (rate limits lifted)");
            Vertx vertx = Vertx.vertx();
            try {
                QueryServiceHandle service =
                        QueryService.deploy(
                                        vertx,
                                        // NEWSFLOW_* of the environment apply (feed tuning)
                                        QueryServiceConfig.fromEnv(System.getenv())
                                                .withHttpPort(0)
                                                .withOpenSearchUri(openSearch.httpUri())
                                                .withKafkaBootstrapServers(kafka.bootstrapServers())
                                                .withApiKeysFile(work.resolve("api-keys.json"))
                                                .withRateLimit(
                                                        new QueryServiceConfig.RateLimit(
                                                                1_000_000, 1_000_000)),
                                        embedder)
                                .await(60, TimeUnit.SECONDS);
                progress.step("Load");
                measure(service.baseUri(), corpus, keys);
                service.close().await(30, TimeUnit.SECONDS);
            } finally {
                vertx.close().await(30, TimeUnit.SECONDS);
            }
        }
    }

    private void measure(URI base, QueryCorpus corpus, List<String> keys) {
        Supplier<HttpRequest> search =
                () ->
                        HttpRequest.newBuilder(
                                        base.resolve(
                                                "/search?k=10&q="
                                                        + URLEncoder.encode(
                                                                corpus.query(
                                                                        ThreadLocalRandom
                                                                                .current()),
                                                                StandardCharsets.UTF_8)))
                                .build();
        Supplier<HttpRequest> feed =
                () ->
                        HttpRequest.newBuilder(base.resolve("/feed?limit=20"))
                                .header(
                                        "Authorization",
                                        "Bearer "
                                                + keys.get(
                                                        ThreadLocalRandom.current()
                                                                .nextInt(keys.size())))
                                .build();
        out.printf(
                "%-8s %-22s %9s %8s %9s %9s %9s  %s%n",
                "route", "load", "requests", "req/s", "p50 ms", "p99 ms", "max ms", "answers");
        try (HttpLoad load = new HttpLoad()) {
            load.closedLoop(8, Duration.ofSeconds(10), search); // warm-up: JIT, caches
            load.closedLoop(8, Duration.ofSeconds(10), feed);
            for (int clients : options.clients()) {
                print(
                        "search",
                        clients + " clients",
                        load.closedLoop(clients, options.phase(), search));
                print(
                        "feed",
                        clients + " clients",
                        load.closedLoop(clients, options.phase(), feed));
            }
            for (int rate : options.rates()) {
                print(
                        "feed",
                        rate + " req/s (open loop)",
                        load.openLoop(rate, options.phase(), feed));
                print(
                        "search",
                        rate + " req/s (open loop)",
                        load.openLoop(rate, options.phase(), search));
            }
        }
    }

    private void print(String route, String load, HttpLoad.Result r) {
        out.printf(
                "%-8s %-22s %9d %8.1f %9.1f %9.1f %9.1f  %s%n",
                route,
                load,
                r.requests(),
                r.perSecond(),
                r.percentileMillis(0.50),
                r.percentileMillis(0.99),
                r.percentileMillis(1.0),
                r.statuses());
    }

    private void index(URI openSearch, QueryCorpus corpus, Progress progress) throws Exception {
        BulkLoader bulk = new BulkLoader(openSearch);
        String articles = SearchIndex.ARTICLES.alias();
        for (int i = 0; i < options.articles(); i++) {
            bulk.index(articles, QueryCorpus.articleId(i), corpus.article(i), 2_000);
            if ((i + 1) % 20_000 == 0) {
                progress.note((i + 1) + " articles");
            }
        }
        bulk.flush();
        String personas = SearchIndex.PERSONAS.alias();
        for (int u = 0; u < options.users(); u++) {
            Persona persona = persona(u, corpus);
            bulk.indexJson(personas, persona.getUserId(), PersonaDocuments.json(persona), 500);
        }
        bulk.flush();
        bulk.refresh(articles);
        bulk.refresh(personas);
        long merging = System.nanoTime();
        bulk.forceMerge(articles, 1);
        progress.note(
                String.format(
                        "articles merged into one segment in %.0f s",
                        (System.nanoTime() - merging) / 1e9));
    }

    /** A persona of 1–3 interests, with 20 articles seen and 5 rejected. */
    private Persona persona(int u, QueryCorpus corpus) {
        Random random = new Random(-1 - u);
        List<Interest> interests = new ArrayList<>();
        float[] profile = new float[MiniLmEmbedder.DIMENSION];
        for (int k = 0, n = 1 + random.nextInt(3); k < n; k++) {
            float[] centroid = corpus.interest(random);
            profile = Vectors.plus(profile, centroid, 1.0);
            int liked = random.nextInt(options.articles());
            interests.add(
                    Interest.newBuilder()
                            .setCentroid(Vectors.toList(centroid))
                            .setWeight(1 + random.nextInt(5))
                            .setCount(1 + random.nextInt(10))
                            .setLastUpdated(Instant.now())
                            .setArticleId(QueryCorpus.articleId(liked))
                            .setTitle(corpus.article(liked).get("title").toString())
                            .build());
        }
        return Persona.newBuilder()
                .setUserId(user(u))
                .setVector(Vectors.toList(Vectors.normalized(profile)))
                .setNegativeVector(Vectors.toList(corpus.interest(random)))
                .setInteractionCount(30)
                .setVersion(1)
                .setUpdatedAt(Instant.now())
                .setInterests(interests)
                .setLikedArticleIds(randomIds(random, 10))
                .setRejectedArticleIds(randomIds(random, 5))
                .setSeenArticleIds(randomIds(random, 20))
                .build();
    }

    private List<String> randomIds(Random random, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(QueryCorpus.articleId(random.nextInt(options.articles())));
        }
        return ids;
    }

    private List<String> apiKeys(Path file) throws Exception {
        List<String> keys = new ArrayList<>();
        for (int u = 0; u < options.users(); u++) {
            keys.add(CreateApiKey.create(file, user(u), Role.USER));
        }
        return keys;
    }

    private static String user(int u) {
        return "bench-user-" + u;
    }
}
