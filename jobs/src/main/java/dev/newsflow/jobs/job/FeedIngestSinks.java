package dev.newsflow.jobs.job;

import dev.newsflow.jobs.config.FeedIngestConfig;
import dev.newsflow.jobs.serde.TransactionalAvroSinks;
import dev.newsflow.schemas.CrawlEvent;
import dev.newsflow.schemas.FeedHealth;
import dev.newsflow.schemas.kafka.Topics;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * The feed ingestion job's two outputs: crawl events to {@code news.crawl} keyed by URL, and feed
 * health to the compacted {@code feeds.health} keyed by feed URL, both with Kafka transactions
 * committed on checkpoints (exactly-once). Tests pass collecting sinks instead.
 */
public record FeedIngestSinks(Sink<CrawlEvent> crawlTopic, Sink<FeedHealth> healthTopic) {

    /** The production sinks: exactly-once Kafka topics. */
    public static FeedIngestSinks production(FeedIngestConfig config) {
        return new FeedIngestSinks(
                TransactionalAvroSinks.exactlyOnce(
                        config.kafkaBootstrapServers(),
                        Topics.CRAWL.name(),
                        CrawlEvent.class,
                        CrawlEvent::getUrl,
                        config.transactionalIdPrefix() + "-crawl"),
                TransactionalAvroSinks.exactlyOnce(
                        config.kafkaBootstrapServers(),
                        Topics.FEED_HEALTH.name(),
                        FeedHealth.class,
                        FeedHealth::getFeedUrl,
                        config.transactionalIdPrefix() + "-health"));
    }
}
