package dev.newsflow.query.pipeline;

import dev.newsflow.schemas.FeedHealth;
import dev.newsflow.schemas.kafka.Topics;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the compacted {@code feeds.health} topic from the start to its end with a short-lived
 * consumer (no group, nothing committed) and keeps the latest record per feed URL. Blocking: call
 * it on a worker. Bounded by {@link #MAX_RECORDS} and a deadline, so a huge or slow topic yields a
 * {@code truncated} summary instead of a hung request.
 */
final class FeedHealthReader {

    static final int MAX_RECORDS = 20_000;

    private final String bootstrapServers;
    private final Duration timeout;

    FeedHealthReader(String bootstrapServers, Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
    }

    JsonObject read() {
        String topic = Topics.FEED_HEALTH.name();
        Map<String, FeedHealth> latest = new LinkedHashMap<>();
        boolean truncated = false;
        try (KafkaConsumer<String, FeedHealth> consumer =
                new KafkaConsumer<>(
                        config(),
                        Topics.FEED_HEALTH.keySerde().deserializer(),
                        Topics.FEED_HEALTH.valueSerde().deserializer())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic, timeout).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            int read = 0;
            while (!atEnd(consumer, end)) {
                if (read >= MAX_RECORDS || System.nanoTime() > deadline) {
                    truncated = true;
                    break;
                }
                for (ConsumerRecord<String, FeedHealth> r : consumer.poll(Duration.ofMillis(200))) {
                    read++;
                    if (r.value() == null) {
                        latest.remove(r.key()); // a tombstone: the feed was removed
                    } else {
                        latest.put(r.key(), r.value());
                    }
                }
            }
        }
        return FeedHealthSummary.of(latest.values(), truncated);
    }

    private static boolean atEnd(
            KafkaConsumer<String, FeedHealth> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private Map<String, Object> config() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG,
                "newsflow-query-service-feed-health",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                (int) timeout.toMillis(),
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) timeout.toMillis());
    }
}
