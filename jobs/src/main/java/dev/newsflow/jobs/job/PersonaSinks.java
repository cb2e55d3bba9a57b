package dev.newsflow.jobs.job;

import dev.newsflow.jobs.config.PersonaConfig;
import dev.newsflow.jobs.serde.TransactionalAvroSinks;
import dev.newsflow.jobs.sinks.IgnoreStaleVersions;
import dev.newsflow.jobs.sinks.PersonaIndexEmitter;
import dev.newsflow.schemas.DeadLetter;
import dev.newsflow.schemas.Persona;
import dev.newsflow.schemas.kafka.Topics;
import dev.newsflow.schemas.search.SearchIndex;
import java.net.URI;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.opensearch.sink.Opensearch2SinkBuilder;
import org.apache.http.HttpHost;

/**
 * The persona job's three outputs. Production wiring upserts each persona into OpenSearch {@code
 * personas} (external versions: a replay never goes backwards) and writes it, with Kafka
 * transactions (exactly-once), to the compacted {@code user.personas}; dead letters go to {@code
 * news.dlq}. Tests pass collecting sinks instead.
 */
public record PersonaSinks(
        Sink<Persona> personaIndex, Sink<Persona> personaTopic, Sink<DeadLetter> deadLetterTopic) {

    /** The production sinks: OpenSearch, and exactly-once Kafka topics. */
    public static PersonaSinks production(PersonaConfig config) {
        return new PersonaSinks(
                new Opensearch2SinkBuilder<Persona>()
                        .setHosts(httpHost(config.openSearchUri()))
                        .setEmitter(new PersonaIndexEmitter(SearchIndex.PERSONAS.alias()))
                        .setBulkResponseInspectorFactory(IgnoreStaleVersions.factory())
                        .setBulkFlushMaxActions(config.indexFlushMaxActions())
                        .setBulkFlushInterval(config.indexFlushInterval().toMillis())
                        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                        .build(),
                TransactionalAvroSinks.exactlyOnce(
                        config.kafkaBootstrapServers(),
                        Topics.PERSONAS.name(),
                        Persona.class,
                        Persona::getUserId,
                        config.transactionalIdPrefix() + "-personas"),
                TransactionalAvroSinks.exactlyOnce(
                        config.kafkaBootstrapServers(),
                        Topics.DLQ.name(),
                        DeadLetter.class,
                        DeadLetter::getStage,
                        config.transactionalIdPrefix() + "-dlq"));
    }

    private static HttpHost httpHost(URI uri) {
        return new HttpHost(uri.getHost(), uri.getPort(), uri.getScheme());
    }
}
