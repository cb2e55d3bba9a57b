package dev.newsflow.jobs.job;

import dev.newsflow.jobs.config.JobArguments;
import dev.newsflow.jobs.config.PersonaConfig;
import dev.newsflow.jobs.functions.DeadLetters;
import dev.newsflow.jobs.functions.DecodeAvro;
import dev.newsflow.jobs.functions.persona.ArticleInteraction;
import dev.newsflow.jobs.functions.persona.JoinArticleEmbeddings;
import dev.newsflow.jobs.functions.persona.UpdatePersona;
import dev.newsflow.jobs.serde.RawRecord;
import dev.newsflow.jobs.serde.RawRecordDeserializer;
import dev.newsflow.jobs.serde.SharedAvroTypeInfo;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.Interaction;
import dev.newsflow.schemas.Persona;
import dev.newsflow.schemas.kafka.Topics;
import dev.newsflow.schemas.search.SearchIndexBootstrap;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * {@code user.interactions} joined with article embeddings from {@code news.enriched} (keyed by
 * article; interactions wait in state for a late article, bounded, then {@code news.dlq}) → keyed
 * by user, each interaction updates the user's persona (Rocchio with time decay, negative profile,
 * up to k interests, idempotent) → OpenSearch {@code personas} and Kafka {@code user.personas}.
 *
 * <p>Wiring only; see docs/personas.md for the design. {@link #defineWorkflow} is shared by {@link
 * #main} and the tests.
 */
public final class PersonaJob {

    public static final String NAME = "newsflow-persona";

    private PersonaJob() {}

    public static void main(String[] args) throws Exception {
        PersonaConfig config = PersonaConfig.fromEnv(JobArguments.overlay(System.getenv(), args));
        new SearchIndexBootstrap(config.openSearchUri()).ensureAll();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(
                config.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
        defineWorkflow(
                env,
                kafkaSource(config, Topics.INTERACTIONS.name()),
                kafkaSource(config, Topics.ENRICHED.name()),
                PersonaSinks.production(config),
                config);
        env.execute(NAME);
    }

    /** Builds the job graph on {@code env}. */
    public static void defineWorkflow(
            StreamExecutionEnvironment env,
            Source<RawRecord, ?, ?> interactionsSource,
            Source<RawRecord, ?, ?> enrichedSource,
            PersonaSinks sinks,
            PersonaConfig config) {
        // Milliseconds matter here: the default 100 ms buffer timeout would dominate the latency.
        long bufferTimeout = config.bufferTimeout().toMillis();
        SingleOutputStreamOperator<Interaction> interactions =
                env.fromSource(
                                interactionsSource,
                                WatermarkStrategy.noWatermarks(),
                                "user.interactions source")
                        .uid("source-user-interactions")
                        .setBufferTimeout(bufferTimeout)
                        .process(new DecodeAvro<>(Interaction.class, "decode-interaction"))
                        .uid("decode-interactions")
                        .name("decode interactions")
                        .setBufferTimeout(bufferTimeout);
        SingleOutputStreamOperator<EnrichedArticle> articles =
                env.fromSource(
                                enrichedSource,
                                WatermarkStrategy.noWatermarks(),
                                "news.enriched source")
                        .uid("source-news-enriched")
                        .process(new DecodeAvro<>(EnrichedArticle.class, "decode-article"))
                        .uid("decode-articles")
                        .name("decode articles");

        SingleOutputStreamOperator<ArticleInteraction> joined =
                interactions
                        .keyBy(Interaction::getArticleId)
                        .connect(articles.keyBy(EnrichedArticle::getId))
                        .process(
                                new JoinArticleEmbeddings(
                                        config.articleTtl(), config.maxWaiting(), config.maxWait()))
                        .uid("join-article-embeddings")
                        .name("join article embeddings (keyed by article)")
                        .setBufferTimeout(bufferTimeout);

        SingleOutputStreamOperator<Persona> personas =
                joined.keyBy(ArticleInteraction::userId)
                        .process(new UpdatePersona(config.rules(), config.userTtl()))
                        // Both sinks only read it: no deep copy per sink.
                        .returns(new SharedAvroTypeInfo<>(Persona.class))
                        .uid("update-persona")
                        .name("update persona (keyed by user)")
                        .setBufferTimeout(bufferTimeout);

        personas.sinkTo(sinks.personaIndex())
                .uid("sink-opensearch-personas")
                .name("OpenSearch personas");
        personas.sinkTo(sinks.personaTopic())
                .uid("sink-kafka-user-personas")
                .name("Kafka user.personas");
        interactions
                .getSideOutput(DeadLetters.TAG)
                .union(
                        articles.getSideOutput(DeadLetters.TAG),
                        joined.getSideOutput(DeadLetters.TAG))
                .sinkTo(sinks.deadLetterTopic())
                // Unique across the jobs: the local stack runs them as one job graph.
                .uid("persona-sink-kafka-news-dlq")
                .name("Kafka news.dlq (personas)");
    }

    /** Reads {@code topic} as raw records, from the committed offsets or the beginning. */
    public static KafkaSource<RawRecord> kafkaSource(PersonaConfig config, String topic) {
        return KafkaSource.<RawRecord>builder()
                .setBootstrapServers(config.kafkaBootstrapServers())
                .setTopics(topic)
                .setGroupId(config.consumerGroup())
                .setStartingOffsets(
                        OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new RawRecordDeserializer())
                .setProperty("isolation.level", "read_committed")
                .build();
    }
}
