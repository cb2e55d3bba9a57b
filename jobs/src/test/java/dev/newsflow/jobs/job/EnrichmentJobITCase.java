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
import dev.newsflow.schemas.DeadLetter;
import dev.newsflow.schemas.EnrichedArticle;
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
 * RocksDB, checkpoints) calling the real inference server over gRPC (MiniLM, summarizer) →
 * OpenSearch {@code articles}, Kafka {@code news.enriched} (transactional) and {@code news.dlq}.
 */
@ExtendWith(RealServices.class)
class EnrichmentJobITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void enrichesGoodArticlesAndDeadLettersBadInputWithoutStopping(
            KafkaBroker kafka, OpenSearchNode openSearch, @TempDir Path checkpoints)
            throws Exception {
        // Given: five articles on distinct topics and four kinds of bad input, interleaved
        List<byte[]> input =
                List.of(
                        CrawlEvents.encode(
                                CrawlEvents.page(
                                        "https://sport.example/final",
                                        "Rovers win the cup final on penalties",
                                        "Kessfield Rovers beat Brannock Athletic 5-4 in a penalty shootout after a 1-1 draw.",
                                        "The goalkeeper saved the decisive kick in front of 30,000 fans.")),
                        CrawlEvents.notAvro(),
                        CrawlEvents.encode(
                                CrawlEvents.page(
                                        "https://money.example/rates",
                                        "Central bank raises interest rates",
                                        "The Bank of Norland raised its policy rate by a quarter point to 4.25 percent.",
                                        "Inflation has stayed above target for eighteen months, the governor said.")),
                        CrawlEvents.encode(CrawlEvents.withHtml("https://bad.example/empty", "")),
                        CrawlEvents.encode(
                                CrawlEvents.page(
                                        "https://science.example/planet",
                                        "Water vapour found on distant exoplanet",
                                        "Astronomers at Kestrel Ridge Observatory detected water vapour in the atmosphere of KRO-17b.",
                                        "The planet orbits a red dwarf star 120 light years away.")),
                        CrawlEvents.encode(CrawlEvents.binary("https://bad.example/binary")),
                        CrawlEvents.encode(
                                CrawlEvents.page(
                                        "https://fire.example/valley",
                                        "Thousands evacuated as wildfire spreads",
                                        "Firefighters battled a wildfire in Corrin Valley as 3,400 residents were evacuated.",
                                        "Strong winds pushed the flames towards the villages overnight.")),
                        CrawlEvents.encode(CrawlEvents.huge("https://bad.example/huge", 50)),
                        CrawlEvents.encode(
                                CrawlEvents.page(
                                        "https://tech.example/breach",
                                        "Data breach exposes two million accounts",
                                        "Tessellate said attackers stole email addresses and hashed passwords of 2 million users.",
                                        "The company urged customers to change their passwords.")));
        produce(kafka.bootstrapServers(), input);

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
            // Then: every record ends in exactly one place
            List<EnrichedArticle> enriched =
                    TopicReader.readCommitted(kafka.bootstrapServers(), Topics.ENRICHED, 5, WAIT);
            List<DeadLetter> deadLetters =
                    TopicReader.readCommitted(kafka.bootstrapServers(), Topics.DLQ, 4, WAIT);

            assertThat(enriched)
                    .extracting(EnrichedArticle::getTitle)
                    .containsExactlyInAnyOrder(
                            "Rovers win the cup final on penalties",
                            "Central bank raises interest rates",
                            "Water vapour found on distant exoplanet",
                            "Thousands evacuated as wildfire spreads",
                            "Data breach exposes two million accounts");
            assertThat(enriched)
                    .allSatisfy(a -> assertThat(a.getEmbedding()).hasSize(MiniLmEmbedder.DIMENSION))
                    .allSatisfy(
                            a ->
                                    assertThat(a.getEmbeddingModel())
                                            .isEqualTo(MiniLmEmbedder.MODEL_NAME));
            assertThat(enriched)
                    .allSatisfy(a -> assertThat(a.getSummary()).isNotBlank())
                    .anySatisfy(
                            a ->
                                    assertThat(a.getSummary())
                                            .contains("Corrin Valley")
                                            .contains("3,400 residents"));
            // And: articles that arrived together shared a batch
            assertThat(CountingInferenceClient.EMBED_BATCH_SIZES).anyMatch(size -> size > 1);
            System.out.println(
                    "Embedding batch sizes observed: " + CountingInferenceClient.EMBED_BATCH_SIZES);
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
                    .satisfies(
                            d -> assertThat(d.getPayloadSize()).isGreaterThan(50L * 1024 * 1024));

            // And: OpenSearch has the five articles, found by meaning
            assertThat(awaitCount(openSearch.httpUri(), 5)).isEqualTo(5);
            assertThat(
                            nearestTitle(
                                    openSearch.httpUri(),
                                    "penalty shootout decides the football match"))
                    .isEqualTo("Rovers win the cup final on penalties");
            assertThat(nearestTitle(openSearch.httpUri(), "hackers stole customer passwords"))
                    .isEqualTo("Data breach exposes two million accounts");
            assertThat(
                            document(
                                            openSearch.httpUri(),
                                            ArticleIds.idOf("https://science.example/planet"))
                                    .path("source")
                                    .asText())
                    .isEqualTo("science.example");
        } finally {
            job.cancel().get();
            server.close();
        }
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

    private long awaitCount(URI openSearch, long expected) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        long count = 0;
        while (count < expected && System.nanoTime() < deadline) {
            count = get(openSearch.resolve("/articles/_count")).path("count").asLong();
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

    private JsonNode document(URI openSearch, String id) throws Exception {
        return get(openSearch.resolve("/articles/_doc/" + id)).path("_source");
    }

    private JsonNode get(URI uri) throws Exception {
        return JSON.readTree(
                http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                        .body());
    }
}
