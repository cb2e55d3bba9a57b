package dev.newsflow.jobs.job;

import dev.newsflow.jobs.config.EnrichmentConfig;
import dev.newsflow.jobs.serde.AvroRecordSerializer;
import dev.newsflow.jobs.sinks.ArticleIndexEmitter;
import dev.newsflow.schemas.DeadLetter;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.kafka.Topics;
import dev.newsflow.schemas.search.SearchIndex;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.opensearch.sink.Opensearch2SinkBuilder;
import org.apache.flink.util.function.SerializableFunction;
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

    /**
     * Must exceed the longest checkpoint and stay under the broker's transaction.max.timeout.ms.
     */
    private static final String TRANSACTION_TIMEOUT_MS = String.valueOf(15 * 60 * 1000);

    public static EnrichmentSinks production(EnrichmentConfig config) {
        return new EnrichmentSinks(
                new Opensearch2SinkBuilder<EnrichedArticle>()
                        .setHosts(httpHost(config.openSearchUri()))
                        .setEmitter(new ArticleIndexEmitter(SearchIndex.ARTICLES.alias()))
                        .setBulkFlushMaxActions(200)
                        .setBulkFlushInterval(1_000)
                        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                        .build(),
                kafka(
                        config,
                        Topics.ENRICHED.name(),
                        EnrichedArticle.class,
                        EnrichedArticle::getId,
                        "enriched"),
                kafka(config, Topics.DLQ.name(), DeadLetter.class, DeadLetter::getStage, "dlq"));
    }

    private static HttpHost httpHost(java.net.URI uri) {
        return new HttpHost(uri.getHost(), uri.getPort(), uri.getScheme());
    }

    private static <T extends SpecificRecord> KafkaSink<T> kafka(
            EnrichmentConfig config,
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
                .build();
    }
}
