package dev.newsflow.jobs.testing;

import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.Interaction;
import dev.newsflow.schemas.InteractionType;
import dev.newsflow.schemas.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Interactions and articles as the persona job reads them from Kafka, and a way to send them. */
public final class PersonaInteractions {

    private PersonaInteractions() {}

    public static Interaction interaction(
            String eventId, String userId, String articleId, InteractionType type, Instant at) {
        return Interaction.newBuilder()
                .setEventId(eventId)
                .setUserId(userId)
                .setArticleId(articleId)
                .setType(type)
                .setOccurredAt(at)
                .build();
    }

    /** To {@code user.interactions}, keyed by user id as the query service publishes them. */
    public static ProducerRecord<byte[], byte[]> record(Interaction i) {
        return new ProducerRecord<>(
                Topics.INTERACTIONS.name(),
                i.getUserId().getBytes(StandardCharsets.UTF_8),
                Topics.INTERACTIONS.valueSerde().serializer().serialize("", i));
    }

    /** To {@code news.enriched}, keyed by article id as the enrichment job publishes them. */
    public static ProducerRecord<byte[], byte[]> record(EnrichedArticle a) {
        return new ProducerRecord<>(
                Topics.ENRICHED.name(),
                a.getId().getBytes(StandardCharsets.UTF_8),
                Topics.ENRICHED.valueSerde().serializer().serialize("", a));
    }

    /** Bytes that are no Avro record, to {@code user.interactions}. */
    public static ProducerRecord<byte[], byte[]> poison() {
        return new ProducerRecord<>(
                Topics.INTERACTIONS.name(),
                "poison".getBytes(StandardCharsets.UTF_8),
                "{\"like\": \"not avro\"}".getBytes(StandardCharsets.UTF_8));
    }

    public static void send(String bootstrapServers, List<ProducerRecord<byte[], byte[]>> records)
            throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (ProducerRecord<byte[], byte[]> r : records) {
                producer.send(r).get();
            }
        }
    }
}
