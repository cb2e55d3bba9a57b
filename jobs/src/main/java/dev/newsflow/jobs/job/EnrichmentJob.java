package dev.newsflow.jobs.job;

import dev.newsflow.inference.client.InferenceClient;
import dev.newsflow.inference.client.TritonClientConfig;
import dev.newsflow.jobs.config.EnrichmentConfig;
import dev.newsflow.jobs.config.JobArguments;
import dev.newsflow.jobs.functions.CountOutcome;
import dev.newsflow.jobs.functions.CrawlEventDecoder;
import dev.newsflow.jobs.functions.DeadLetters;
import dev.newsflow.jobs.functions.ExtractArticle;
import dev.newsflow.jobs.functions.dedup.Dedup;
import dev.newsflow.jobs.functions.inference.Enrichment;
import dev.newsflow.jobs.functions.inference.InferArticles;
import dev.newsflow.jobs.functions.inference.SplitEnrichments;
import dev.newsflow.jobs.functions.stories.Stories;
import dev.newsflow.jobs.serde.RawRecord;
import dev.newsflow.jobs.serde.RawRecordDeserializer;
import dev.newsflow.schemas.CrawlEvent;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.Story;
import dev.newsflow.schemas.kafka.Topics;
import dev.newsflow.schemas.search.SearchIndexBootstrap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.function.SerializableSupplier;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * {@code news.crawl} → decode → extract text → drop duplicates (same URL, same text,
 * near-duplicate) → embed and summarize on the inference server (micro-batched Async I/O) → group
 * into stories and score importance → OpenSearch {@code articles} and {@code stories}, Kafka {@code
 * news.enriched} and {@code news.stories}; duplicates → {@code news.duplicates}; anything rejected
 * → {@code news.dlq} with the reason. Every crawl record ends in exactly one of enriched, duplicate
 * and dead letter, each counted ({@link CountOutcome}).
 *
 * <p>This class is wiring only: the logic lives in the functions it connects, each tested on its
 * own. {@link #defineWorkflow} is shared by {@link #main} and the tests, which pass bounded sources
 * and collecting sinks.
 */
public final class EnrichmentJob {

    public static final String NAME = "newsflow-enrichment";

    private EnrichmentJob() {}

    /**
     * Runs the job, configured by the {@code NEWSFLOW_*} environment variables and by program
     * arguments {@code NEWSFLOW_NAME=value}, which override them ({@link JobArguments}).
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> env = JobArguments.overlay(System.getenv(), args);
        EnrichmentConfig config = EnrichmentConfig.fromEnv(env);
        new SearchIndexBootstrap(config.openSearchUri()).ensureAll();
        StreamExecutionEnvironment flink = StreamExecutionEnvironment.getExecutionEnvironment();
        flink.enableCheckpointing(
                config.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
        defineWorkflow(
                flink,
                kafkaSource(config),
                EnrichmentSinks.production(config),
                config,
                InferArticles.triton(config.inference(), TritonClientConfig.fromEnv(env)));
        flink.execute(NAME);
    }

    /**
     * Builds the job graph on {@code env}; {@code inference} makes one client per subtask (the gRPC
     * client in production, a fake in tests).
     */
    public static void defineWorkflow(
            StreamExecutionEnvironment env,
            Source<RawRecord, ?, ?> crawlEvents,
            EnrichmentSinks sinks,
            EnrichmentConfig config,
            SerializableSupplier<InferenceClient> inference) {
        DataStream<RawRecord> raw =
                counted(
                        env.fromSource(
                                        crawlEvents,
                                        WatermarkStrategy.noWatermarks(),
                                        "news.crawl source")
                                .uid("source-news-crawl"),
                        CountOutcome.RECEIVED);

        SingleOutputStreamOperator<CrawlEvent> events =
                raw.process(new CrawlEventDecoder()).uid("decode").name("decode crawl events");

        SingleOutputStreamOperator<EnrichedArticle> articles =
                events.process(new ExtractArticle(config.maxHtmlChars()))
                        .uid("extract")
                        .name("extract article text");

        Dedup.Result unique = Dedup.apply(articles, config.dedup());

        // Unordered: a slow batch must not hold back the articles of later ones. The capacity
        // bounds the articles in flight per subtask; beyond it the job backpressures.
        SingleOutputStreamOperator<Enrichment> inferred =
                AsyncDataStream.unorderedWait(
                                unique.survivors(),
                                new InferArticles(inference, config.inference()),
                                config.inference().timeout().toMillis(),
                                TimeUnit.MILLISECONDS,
                                config.inference().capacity())
                        .uid("inference")
                        .name("embed and summarize (inference server)");
        SingleOutputStreamOperator<EnrichedArticle> modelled =
                inferred.process(new SplitEnrichments())
                        .uid("split-inference-outcomes")
                        .name("split enriched / dead-lettered");

        SingleOutputStreamOperator<EnrichedArticle> scored =
                Stories.assign(modelled, config.stories());

        DataStream<EnrichedArticle> enriched = counted(scored, CountOutcome.ENRICHED);
        enriched.sinkTo(sinks.articleIndex())
                .uid("sink-opensearch-articles")
                .name("OpenSearch articles");
        enriched.sinkTo(sinks.enrichedTopic())
                .uid("sink-kafka-news-enriched")
                .name("Kafka news.enriched");

        DataStream<Story> stories = scored.getSideOutput(Stories.TAG);
        stories.sinkTo(sinks.storyIndex())
                .uid("sink-opensearch-stories")
                .name("OpenSearch stories");
        stories.sinkTo(sinks.storiesTopic())
                .uid("sink-kafka-news-stories")
                .name("Kafka news.stories");

        counted(unique.duplicates(), CountOutcome.DUPLICATE)
                .sinkTo(sinks.duplicatesTopic())
                .uid("sink-kafka-news-duplicates")
                .name("Kafka news.duplicates");

        counted(
                        events.getSideOutput(DeadLetters.TAG)
                                .union(
                                        articles.getSideOutput(DeadLetters.TAG),
                                        modelled.getSideOutput(DeadLetters.TAG)),
                        CountOutcome.DEAD_LETTERED)
                .sinkTo(sinks.deadLetterTopic())
                .uid("sink-kafka-news-dlq")
                .name("Kafka news.dlq");
    }

    /** {@code stream}, counted as {@code outcome} (see {@link CountOutcome}). */
    private static <T> DataStream<T> counted(DataStream<T> stream, String outcome) {
        return stream.map(new CountOutcome<T>(outcome))
                .returns(stream.getType())
                .uid("count-" + outcome)
                .name("count " + outcome);
    }

    /** Reads {@code news.crawl} as raw records, from the committed offsets or the beginning. */
    public static KafkaSource<RawRecord> kafkaSource(EnrichmentConfig config) {
        return KafkaSource.<RawRecord>builder()
                .setBootstrapServers(config.kafkaBootstrapServers())
                .setTopics(Topics.CRAWL.name())
                .setGroupId(config.consumerGroup())
                .setStartingOffsets(
                        OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new RawRecordDeserializer())
                // Crawl events may be large pages; they must be read, then dead-lettered.
                .setProperty(
                        "max.partition.fetch.bytes", String.valueOf(Topics.MAX_CRAWL_EVENT_BYTES))
                .setProperty("fetch.max.bytes", String.valueOf(Topics.MAX_CRAWL_EVENT_BYTES))
                .setProperty("isolation.level", "read_committed")
                .build();
    }
}
