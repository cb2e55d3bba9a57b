package dev.newsflow.jobs.job;

import dev.newsflow.jobs.config.FeedIngestConfig;
import dev.newsflow.jobs.serde.AvroRecordSerializer;
import dev.newsflow.schemas.CrawlEvent;
import dev.newsflow.schemas.FeedHealth;
import dev.newsflow.schemas.kafka.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.util.function.SerializableFunction;

/**
 * The feed ingestion job's two outputs: crawl events to {@code news.crawl} keyed by URL, and feed
 * health to the compacted {@code feeds.health} keyed by feed URL, both with Kafka transactions
 * committed on checkpoints (exactly-once). Tests pass collecting sinks instead.
 */
public record FeedIngestSinks(Sink<CrawlEvent> crawlTopic, Sink<FeedHealth> healthTopic) {

    /**
     * Must exceed the longest checkpoint and stay under the broker's transaction.max.timeout.ms.
     */
    private static final String TRANSACTION_TIMEOUT_MS = String.valueOf(15 * 60 * 1000);

    public static FeedIngestSinks production(FeedIngestConfig config) {
        return new FeedIngestSinks(
                kafka(config, Topics.CRAWL.name(), CrawlEvent.class, CrawlEvent::getUrl, "crawl"),
                kafka(
                        config,
                        Topics.FEED_HEALTH.name(),
                        FeedHealth.class,
                        FeedHealth::getFeedUrl,
                        "health"));
    }

    private static <T extends SpecificRecord> KafkaSink<T> kafka(
            FeedIngestConfig config,
            String topic,
            Class<T> type,
            SerializableFunction<T, String> key,
            String name) {
        return KafkaSink.<T>builder()
                .setBootstrapServers(config.kafkaBootstrapServers())
                .setRecordSerializer(new AvroRecordSerializer<>(topic, type, key))
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(config.transactionalIdPrefix() + "-" + name)
                .setProperty("transaction.timeout.ms", TRANSACTION_TIMEOUT_MS)
                // Pages can be large; news.crawl accepts records up to this size.
                .setProperty("max.request.size", String.valueOf(Topics.MAX_CRAWL_EVENT_BYTES))
                .build();
    }
}
