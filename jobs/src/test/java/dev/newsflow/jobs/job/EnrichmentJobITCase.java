package dev.newsflow.jobs.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.inference.client.InferenceClient;
import dev.newsflow.inference.embedding.MiniLmEmbedder;
import dev.newsflow.inference.server.InferenceServer;
import dev.newsflow.inference.server.InferenceServerConfig;
import dev.newsflow.jobs.config.EnrichmentConfig;
import dev.newsflow.jobs.config.InferenceConfig;
import dev.newsflow.jobs.functions.ArticleIds;
import dev.newsflow.jobs.functions.inference.InferArticles;
import dev.newsflow.jobs.testing.CountingInferenceClient;
import dev.newsflow.jobs.testing.CrawlEvents;
import dev.newsflow.jobs.testing.StoryArticles;
import dev.newsflow.schemas.CrawlEvent;
import dev.newsflow.schemas.DeadLetter;
import dev.newsflow.schemas.DuplicateArticle;
import dev.newsflow.schemas.DuplicateKind;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.Story;
import dev.newsflow.schemas.kafka.Topics;
import dev.newsflow.testkit.RealServices;
import dev.newsflow.testkit.flink.FlinkTestCluster;
import dev.newsflow.testkit.kafka.KafkaBroker;
import dev.newsflow.testkit.kafka.TopicReader;
import dev.newsflow.testkit.opensearch.OpenSearchNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.function.SerializableSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The enrichment job end to end on real services: Kafka {@code news.crawl} → Flink (parallelism 2,
 * RocksDB, checkpoints) calling the real inference server over gRPC (MiniLM, summarizer) → dedup,
 * stories and importance → OpenSearch {@code articles} and {@code stories}, Kafka {@code
 * news.enriched}, {@code news.stories}, {@code news.duplicates} (transactional) and {@code
 * news.dlq}.
 */
@ExtendWith(RealServices.class)
class EnrichmentJobITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void enrichesDeduplicatesGroupsIntoStoriesAndAccountsForEveryRecord(
            KafkaBroker kafka, OpenSearchNode openSearch, @TempDir Path checkpoints)
            throws Exception {
        // Given: articles on distinct topics, four reports of one wildfire from four sources,
        // and four kinds of bad input, interleaved
        List<byte[]> firstBatch =
                List.of(
                        CrawlEvents.encode(
                                CrawlEvents.page(
                                        "https://sport.example/final",
                                        "Rovers win the cup final on penalties",
                                        "Kessfield Rovers beat Brannock Athletic 5-4 in a penalty shootout after a 1-1 draw.",
                                        "The goalkeeper saved the decisive kick in front of 30,000 fans.")),
                        CrawlEvents.notAvro(),
                        CrawlEvents.encode(StoryArticles.rateDecision()),
                        CrawlEvents.encode(CrawlEvents.withHtml("https://bad.example/empty", "")),
                        CrawlEvents.encode(PLANET),
                        CrawlEvents.encode(StoryArticles.wildfireReports().get(0)),
                        CrawlEvents.encode(CrawlEvents.binary("https://bad.example/binary")),
                        CrawlEvents.encode(StoryArticles.wildfireReports().get(1)),
                        CrawlEvents.encode(CrawlEvents.huge("https://bad.example/huge", 50)),
                        CrawlEvents.encode(BREACH),
                        CrawlEvents.encode(StoryArticles.wildfireReports().get(2)),
                        CrawlEvents.encode(StoryArticles.wildfireReports().get(3)));
        // And, once those are processed: the first wildfire page crawled again unchanged, the
        // breach article's exact text under another URL, a syndicated rewrite of the rate article
        // and an updated version of the exoplanet article
        List<byte[]> secondBatch =
                List.of(
                        CrawlEvents.encode(
                                recrawl(StoryArticles.wildfireReports().get(0), "evt-recrawl")),
                        CrawlEvents.encode(
                                CrawlEvent.newBuilder(recrawl(BREACH, "evt-wire"))
                                        .setUrl("https://wire.example/tech/breach")
                                        .setSource("wire.example")
                                        .build()),
                        CrawlEvents.encode(StoryArticles.rewrittenRateDecision()),
                        CrawlEvents.encode(
                                recrawl(
                                        CrawlEvents.page(
                                                PLANET.getUrl(),
                                                "Water vapour found on distant exoplanet",
                                                PLANET_TEXT,
                                                PLANET_ORBIT,
                                                "A second team has since confirmed the signal."),
                                        "evt-planet-update")));

        // When: the job runs against the real services and a real inference server, batching up
        // to 16 articles for up to 3 s so that articles arriving together share a ModelInfer call
        InferenceServer server =
                InferenceServer.start(InferenceServerConfig.defaults().withPort(0));
        EnrichmentConfig defaults = EnrichmentConfig.fromEnv(Map.of());
        InferenceConfig inference =
                defaults.inference()
                        .withEndpoint(server.host(), server.port())
                        .withBatching(16, Duration.ofSeconds(3));
        EnrichmentConfig config =
                defaults.withEndpoints(kafka.bootstrapServers(), openSearch.httpUri())
                        .withInference(inference);
        SerializableSupplier<InferenceClient> triton = InferArticles.triton(inference);
        CountingInferenceClient.EMBED_BATCH_SIZES.clear();
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(
                        FlinkTestCluster.configuration(checkpoints));
        env.setParallelism(FlinkTestCluster.PARALLELISM);
        EnrichmentJob.defineWorkflow(
                env,
                EnrichmentJob.kafkaSource(config),
                EnrichmentSinks.production(config),
                config,
                () -> new CountingInferenceClient(triton.get()));
        JobClient job = env.executeAsync(EnrichmentJob.NAME);
        try {
            String bootstrap = kafka.bootstrapServers();
            produce(bootstrap, firstBatch);
            List<EnrichedArticle> firstEnriched =
                    TopicReader.readCommitted(bootstrap, Topics.ENRICHED, 8, WAIT);
            assertThat(firstEnriched).as("first batch enriched").hasSize(8);
            produce(bootstrap, secondBatch);

            // Then: every record ends in exactly one place
            List<EnrichedArticle> enriched =
                    TopicReader.readCommitted(bootstrap, Topics.ENRICHED, 9, WAIT);
            List<DuplicateArticle> duplicates =
                    TopicReader.readCommitted(bootstrap, Topics.DUPLICATES, 3, WAIT);
            List<DeadLetter> deadLetters =
                    TopicReader.readCommitted(bootstrap, Topics.DLQ, 4, WAIT);
            System.out.printf(
                    "EnrichmentJobITCase: %d crawl records in; %d enriched, %d duplicates, %d"
                            + " dead-lettered%n",
                    firstBatch.size() + secondBatch.size(),
                    enriched.size(),
                    duplicates.size(),
                    deadLetters.size());
            assertThat(enriched.size() + duplicates.size() + deadLetters.size())
                    .as("enriched + duplicates + dead letters")
                    .isEqualTo(firstBatch.size() + secondBatch.size());

            assertEnriched(enriched);
            assertDeadLetters(deadLetters);
            assertDuplicates(duplicates);
            // And: articles that arrived together shared a batch
            assertThat(CountingInferenceClient.EMBED_BATCH_SIZES).anyMatch(size -> size > 1);
            System.out.println(
                    "Embedding batch sizes observed: " + CountingInferenceClient.EMBED_BATCH_SIZES);

            // And: the four wildfire reports form one story; every other topic is its own story,
            // and the story four sources picked up in half an hour outranks the single-source ones
            String wildfireStory = assertStories(enriched);
            Story story =
                    latestVersions(
                                    TopicReader.readCommitted(
                                            bootstrap, Topics.STORIES, 8, Duration.ofSeconds(10)))
                            .get(wildfireStory);
            assertThat(story.getSourceCount()).isEqualTo(4);
            assertThat(story.getArticleCount()).isEqualTo(4);
            assertThat(story.getImportanceComponents()).containsKeys("sources", "velocity");

            // And: OpenSearch has the eight articles, found by meaning, and the stories
            assertThat(awaitCount(openSearch.httpUri(), "articles", 8)).isEqualTo(8);
            assertThat(
                            nearestTitle(
                                    openSearch.httpUri(),
                                    "penalty shootout decides the football match"))
                    .isEqualTo("Rovers win the cup final on penalties");
            assertThat(nearestTitle(openSearch.httpUri(), "hackers stole customer passwords"))
                    .isEqualTo("Data breach exposes two million accounts");
            JsonNode planet = document(openSearch.httpUri(), "articles", PLANET_ID);
            assertThat(planet.path("source").asText()).isEqualTo("science.example");
            assertThat(planet.path("text").asText()).contains("A second team");
            assertThat(awaitCount(openSearch.httpUri(), "stories", 5)).isGreaterThanOrEqualTo(5);
            JsonNode storyDoc = document(openSearch.httpUri(), "stories", wildfireStory);
            assertThat(storyDoc.path("sourceCount").asInt()).isEqualTo(4);
        } finally {
            job.cancel().get();
            server.close();
        }
    }

    private static final String PLANET_TEXT =
            "Astronomers at Kestrel Ridge Observatory detected water vapour in the atmosphere of"
                    + " KRO-17b.";
    private static final String PLANET_ORBIT =
            "The planet orbits a red dwarf star 120 light years away.";
    private static final CrawlEvent PLANET =
            CrawlEvents.page(
                    "https://science.example/planet",
                    "Water vapour found on distant exoplanet",
                    PLANET_TEXT,
                    PLANET_ORBIT);
    private static final String PLANET_ID = ArticleIds.idOf(PLANET.getUrl());
    private static final CrawlEvent BREACH =
            CrawlEvents.page(
                    "https://tech.example/breach",
                    "Data breach exposes two million accounts",
                    "Tessellate said attackers stole email addresses and hashed passwords of 2"
                            + " million users.",
                    "The company urged customers to change their passwords.");

    /** The same page fetched again an hour later, as a new crawl event. */
    private static CrawlEvent recrawl(CrawlEvent event, String eventId) {
        return CrawlEvent.newBuilder(event)
                .setEventId(eventId)
                .setFetchedAt(event.getFetchedAt().plus(Duration.ofHours(1)))
                .build();
    }

    private static void assertEnriched(List<EnrichedArticle> enriched) {
        assertThat(enriched)
                .extracting(EnrichedArticle::getTitle)
                .containsExactlyInAnyOrder(
                        "Rovers win the cup final on penalties",
                        "Central bank raises interest rates",
                        "Water vapour found on distant exoplanet",
                        "Water vapour found on distant exoplanet",
                        "Thousands evacuated as wildfire spreads in Corrin Valley",
                        "Corrin Valley wildfire: 3,400 people forced from their homes",
                        "Evacuation ordered as wind drives Corrin Valley fire towards villages",
                        "Corrin Valley fire: aircraft join battle as residents flee",
                        "Data breach exposes two million accounts");
        assertThat(enriched)
                .allSatisfy(a -> assertThat(a.getEmbedding()).hasSize(MiniLmEmbedder.DIMENSION))
                .allSatisfy(
                        a -> assertThat(a.getEmbeddingModel()).isEqualTo(MiniLmEmbedder.MODEL_NAME))
                .allSatisfy(a -> assertThat(a.getContentHash()).isNotBlank())
                .allSatisfy(a -> assertThat(a.getImportance()).isBetween(0.0, 1.0));
        assertThat(enriched)
                .allSatisfy(a -> assertThat(a.getSummary()).isNotBlank())
                .anySatisfy(
                        a ->
                                assertThat(a.getSummary())
                                        .contains("Corrin Valley")
                                        .contains("3,400 residents"));
    }

    private static void assertDeadLetters(List<DeadLetter> deadLetters) {
        assertThat(deadLetters)
                .extracting(d -> d.getStage() + " | " + d.getReason())
                .hasSize(4)
                .anyMatch(r -> r.startsWith("decode | Not a single-object-encoded CrawlEvent"))
                .anyMatch(r -> r.startsWith("extract | empty html"))
                .anyMatch(r -> r.startsWith("extract | binary content"))
                .anyMatch(r -> r.startsWith("extract | html too large: 52,428,"));
        assertThat(deadLetters)
                .filteredOn(d -> d.getReason().startsWith("html too large"))
                .singleElement()
                .satisfies(d -> assertThat(d.getPayloadSize()).isGreaterThan(50L * 1024 * 1024));
    }

    private static void assertDuplicates(List<DuplicateArticle> duplicates) {
        assertThat(duplicates)
                .extracting(d -> d.getKind() + " " + d.getUrl() + " of " + d.getDuplicateOf())
                .containsExactlyInAnyOrder(
                        "SAME_URL https://fire.example/valley of "
                                + ArticleIds.idOf("https://fire.example/valley"),
                        "SAME_CONTENT https://wire.example/tech/breach of "
                                + ArticleIds.idOf(BREACH.getUrl()),
                        "NEAR_DUPLICATE"
                                + " https://businessdaily.example/markets/norland-rate-rise of "
                                + ArticleIds.idOf("https://money.example/rates"));
        assertThat(duplicates)
                .filteredOn(d -> d.getKind() == DuplicateKind.NEAR_DUPLICATE)
                .singleElement()
                .satisfies(d -> assertThat(d.getSimilarity()).isBetween(0.5, 1.0));
    }

    /** Checks the story assignment and ordering; returns the wildfire story's id. */
    private static String assertStories(List<EnrichedArticle> enriched) {
        Map<String, EnrichedArticle> latest = new HashMap<>();
        enriched.forEach(a -> latest.put(a.getId(), a));
        List<EnrichedArticle> wildfire =
                latest.values().stream().filter(a -> a.getTitle().contains("Corrin")).toList();
        List<EnrichedArticle> others =
                latest.values().stream().filter(a -> !a.getTitle().contains("Corrin")).toList();
        assertThat(wildfire).hasSize(4);
        assertThat(wildfire).extracting(EnrichedArticle::getStoryId).doesNotContainNull();
        assertThat(new HashSet<>(wildfire.stream().map(EnrichedArticle::getStoryId).toList()))
                .as("story ids of the wildfire reports")
                .hasSize(1);
        String wildfireStory = wildfire.get(0).getStoryId();
        assertThat(others.stream().map(EnrichedArticle::getStoryId).toList())
                .as("story ids of the other articles")
                .doesNotHaveDuplicates()
                .doesNotContain(wildfireStory);
        double storyImportance =
                wildfire.stream().mapToDouble(EnrichedArticle::getImportance).max().orElseThrow();
        assertThat(others)
                .allSatisfy(a -> assertThat(a.getImportance()).isLessThan(storyImportance));
        return wildfireStory;
    }

    /** The latest version of each story on news.stories. */
    private static Map<String, Story> latestVersions(List<Story> versions) {
        Map<String, Story> latest = new HashMap<>();
        for (Story s : versions) {
            latest.merge(s.getStoryId(), s, (a, b) -> a.getVersion() >= b.getVersion() ? a : b);
        }
        return latest;
    }

    private static void produce(String bootstrap, List<byte[]> values) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_CRAWL_EVENT_BYTES);
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 2L * Topics.MAX_CRAWL_EVENT_BYTES);
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (byte[] value : values) {
                producer.send(new ProducerRecord<>(Topics.CRAWL.name(), value)).get();
            }
        }
    }

    private long awaitCount(URI openSearch, String index, long expected) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        long count = 0;
        while (count < expected && System.nanoTime() < deadline) {
            count = get(openSearch.resolve("/" + index + "/_count")).path("count").asLong();
            Thread.sleep(500);
        }
        return count;
    }

    private String nearestTitle(URI openSearch, String query) throws Exception {
        float[] vector;
        try (MiniLmEmbedder embedder = new MiniLmEmbedder()) {
            vector = embedder.embed(List.of(query))[0];
        }
        String body =
                JSON.writeValueAsString(
                        Map.of(
                                "size",
                                1,
                                "_source",
                                List.of("title"),
                                "query",
                                Map.of(
                                        "knn",
                                        Map.of("embedding", Map.of("vector", vector, "k", 3)))));
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(openSearch.resolve("/articles/_search"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).at("/hits/hits/0/_source/title").asText();
    }

    private JsonNode document(URI openSearch, String index, String id) throws Exception {
        return get(openSearch.resolve("/" + index + "/_doc/" + id)).path("_source");
    }

    private JsonNode get(URI uri) throws Exception {
        return JSON.readTree(
                http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                        .body());
    }
}
