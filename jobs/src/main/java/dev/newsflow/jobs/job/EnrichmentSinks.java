package dev.newsflow.jobs.job;

import dev.newsflow.jobs.config.EnrichmentConfig;
import dev.newsflow.jobs.serde.TransactionalAvroSinks;
import dev.newsflow.jobs.sinks.ArticleIndexEmitter;
import dev.newsflow.schemas.DeadLetter;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.kafka.Topics;
import dev.newsflow.schemas.search.SearchIndex;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.opensearch.sink.Opensearch2SinkBuilder;
import org.apache.http.HttpHost;

/**
 * The enrichment job's three outputs. Production wiring writes articles to OpenSearch and, with
 * Kafka transactions (exactly-once), to {@code news.enriched}, and dead letters to {@code
 * news.dlq}; tests pass collecting sinks instead.
 */
public record EnrichmentSinks(
        Sink<EnrichedArticle> articleIndex,
        Sink<EnrichedArticle> enrichedTopic,
        Sink<DeadLetter> deadLetterTopic) {

    /** The production sinks: OpenSearch, and exactly-once Kafka topics. */
    public static EnrichmentSinks production(EnrichmentConfig config) {
        return new EnrichmentSinks(
                new Opensearch2SinkBuilder<EnrichedArticle>()
                        .setHosts(httpHost(config.openSearchUri()))
                        .setEmitter(new ArticleIndexEmitter(SearchIndex.ARTICLES.alias()))
                        .setBulkFlushMaxActions(200)
                        .setBulkFlushInterval(1_000)
                        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                        .build(),
                TransactionalAvroSinks.exactlyOnce(
                        config.kafkaBootstrapServers(),
                        Topics.ENRICHED.name(),
                        EnrichedArticle.class,
                        EnrichedArticle::getId,
                        config.transactionalIdPrefix() + "-enriched"),
                TransactionalAvroSinks.exactlyOnce(
                        config.kafkaBootstrapServers(),
                        Topics.DLQ.name(),
                        DeadLetter.class,
                        DeadLetter::getStage,
                        config.transactionalIdPrefix() + "-dlq"));
    }

    private static HttpHost httpHost(java.net.URI uri) {
        return new HttpHost(uri.getHost(), uri.getPort(), uri.getScheme());
    }
}
