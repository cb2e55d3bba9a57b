package dev.newsflow.jobs.job;

import dev.newsflow.jobs.config.EnrichmentConfig;
import dev.newsflow.jobs.serde.TransactionalAvroSinks;
import dev.newsflow.jobs.sinks.ArticleIndexEmitter;
import dev.newsflow.jobs.sinks.StoryIndexSink;
import dev.newsflow.schemas.DeadLetter;
import dev.newsflow.schemas.DuplicateArticle;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.Story;
import dev.newsflow.schemas.kafka.Topics;
import dev.newsflow.schemas.search.SearchIndex;
import java.net.URI;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.opensearch.sink.Opensearch2SinkBuilder;
import org.apache.http.HttpHost;

/**
 * The enrichment job's outputs. Production wiring writes articles and stories to OpenSearch
 * (upserts by id, at-least-once) and, with Kafka transactions (exactly-once), to {@code
 * news.enriched} and {@code news.stories}; the duplicates it drops to {@code news.duplicates}; dead
 * letters to {@code news.dlq}. Tests pass collecting sinks instead.
 */
public record EnrichmentSinks(
        Sink<EnrichedArticle> articleIndex,
        Sink<EnrichedArticle> enrichedTopic,
        Sink<Story> storyIndex,
        Sink<Story> storiesTopic,
        Sink<DuplicateArticle> duplicatesTopic,
        Sink<DeadLetter> deadLetterTopic) {

    /** The production sinks: OpenSearch, and exactly-once Kafka topics. */
    public static EnrichmentSinks production(EnrichmentConfig config) {
        String kafka = config.kafkaBootstrapServers();
        String txn = config.transactionalIdPrefix();
        return new EnrichmentSinks(
                new Opensearch2SinkBuilder<EnrichedArticle>()
                        .setHosts(httpHost(config.openSearchUri()))
                        .setEmitter(new ArticleIndexEmitter(SearchIndex.ARTICLES.alias()))
                        .setBulkFlushMaxActions(200)
                        .setBulkFlushInterval(1_000)
                        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                        .build(),
                TransactionalAvroSinks.exactlyOnce(
                        kafka,
                        Topics.ENRICHED.name(),
                        EnrichedArticle.class,
                        EnrichedArticle::getId,
                        txn + "-enriched"),
                StoryIndexSink.opensearch(
                        SearchIndex.STORIES.alias(), httpHost(config.openSearchUri())),
                TransactionalAvroSinks.exactlyOnce(
                        kafka,
                        Topics.STORIES.name(),
                        Story.class,
                        Story::getStoryId,
                        txn + "-stories"),
                TransactionalAvroSinks.exactlyOnce(
                        kafka,
                        Topics.DUPLICATES.name(),
                        DuplicateArticle.class,
                        DuplicateArticle::getArticleId,
                        txn + "-duplicates"),
                TransactionalAvroSinks.exactlyOnce(
                        kafka,
                        Topics.DLQ.name(),
                        DeadLetter.class,
                        DeadLetter::getStage,
                        txn + "-dlq"));
    }

    private static HttpHost httpHost(URI uri) {
        return new HttpHost(uri.getHost(), uri.getPort(), uri.getScheme());
    }
}
