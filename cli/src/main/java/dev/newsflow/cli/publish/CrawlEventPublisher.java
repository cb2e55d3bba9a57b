package dev.newsflow.cli.publish;

import dev.newsflow.schemas.CrawlEvent;
import dev.newsflow.schemas.kafka.Topics;
import java.util.Collection;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Publishes crawl events to {@code news.crawl}, keyed by URL, acknowledged by the broker. */
public final class CrawlEventPublisher implements AutoCloseable {

    private final KafkaProducer<String, CrawlEvent> producer;

    public CrawlEventPublisher(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_CRAWL_EVENT_BYTES);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        producer =
                new KafkaProducer<>(
                        props,
                        Topics.CRAWL.keySerde().serializer(),
                        Topics.CRAWL.valueSerde().serializer());
    }

    /** Sends all events and waits until the broker has acknowledged each. */
    public void publish(Collection<CrawlEvent> events) {
        var sends =
                events.stream()
                        .map(
                                e ->
                                        producer.send(
                                                new ProducerRecord<>(
                                                        Topics.CRAWL.name(), e.getUrl(), e)))
                        .toList();
        producer.flush();
        for (var send : sends) {
            try {
                send.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(
                        "Kafka rejected a crawl event: " + e.getCause().getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while publishing", e);
            }
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
