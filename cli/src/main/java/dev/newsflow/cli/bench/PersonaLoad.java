package dev.newsflow.cli.bench;

import dev.newsflow.inference.embedding.MiniLmEmbedder;
import dev.newsflow.jobs.functions.Vectors;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.Interaction;
import dev.newsflow.schemas.InteractionType;
import dev.newsflow.schemas.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The persona benchmark's input: articles with random unit embeddings (unrelated to each other:
 * every like starts a new interest, the costliest case for the clustering) and a mix of
 * interactions on them (45% clicks, 35% likes, 15% dislikes, 5% hides), published to Kafka the way
 * the query service would (keyed by user, no batching delay).
 */
final class PersonaLoad implements AutoCloseable {

    private final Random random = new Random(42);
    private final AtomicLong eventIds = new AtomicLong();
    private final KafkaProducer<byte[], byte[]> producer;
    private final int articles;

    PersonaLoad(String bootstrapServers, int articles) {
        this.articles = articles;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "1");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Publishes the articles to {@code news.enriched}. */
    void publishArticles(Instant at) {
        for (int i = 0; i < articles; i++) {
            float[] v = new float[MiniLmEmbedder.DIMENSION];
            for (int d = 0; d < v.length; d++) {
                v[d] = (float) random.nextGaussian();
            }
            EnrichedArticle a =
                    EnrichedArticle.newBuilder()
                            .setId(articleId(i))
                            .setUrl("https://bench.example/" + i)
                            .setSource("bench.example")
                            .setTitle("Benchmark article " + i)
                            .setText("Text " + i)
                            .setEmbedding(Vectors.toList(Vectors.normalized(v)))
                            .setEmbeddingModel(MiniLmEmbedder.MODEL_NAME)
                            .setFetchedAt(at)
                            .setEnrichedAt(at)
                            .build();
            producer.send(
                    new ProducerRecord<>(
                            Topics.ENRICHED.name(),
                            a.getId().getBytes(StandardCharsets.UTF_8),
                            Topics.ENRICHED.valueSerde().serializer().serialize("", a)));
        }
        producer.flush();
    }

    /** Sends one interaction of {@code user} on a random article, of a random type. */
    void send(String user) {
        int r = random.nextInt(100);
        InteractionType type =
                r < 45
                        ? InteractionType.CLICK
                        : r < 80
                                ? InteractionType.LIKE
                                : r < 95 ? InteractionType.DISLIKE : InteractionType.HIDE;
        send(user, type);
    }

    void send(String user, InteractionType type) {
        Interaction i =
                Interaction.newBuilder()
                        .setEventId("bench-" + eventIds.incrementAndGet())
                        .setUserId(user)
                        .setArticleId(articleId(random.nextInt(articles)))
                        .setType(type)
                        .setOccurredAt(Instant.now())
                        .build();
        producer.send(
                new ProducerRecord<>(
                        Topics.INTERACTIONS.name(),
                        user.getBytes(StandardCharsets.UTF_8),
                        Topics.INTERACTIONS.valueSerde().serializer().serialize("", i)));
    }

    void flush() {
        producer.flush();
    }

    static List<String> users(String prefix, int n) {
        List<String> users = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            users.add(prefix + i);
        }
        return users;
    }

    private static String articleId(int i) {
        return "bench-article-" + i;
    }

    @Override
    public void close() {
        producer.close();
    }
}
