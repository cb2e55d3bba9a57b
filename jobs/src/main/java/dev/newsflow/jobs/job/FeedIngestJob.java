package dev.newsflow.jobs.job;

import dev.newsflow.jobs.config.FeedIngestConfig;
import dev.newsflow.jobs.config.JobArguments;
import dev.newsflow.jobs.functions.ingest.DiscoveredItem;
import dev.newsflow.jobs.functions.ingest.FeedEvent;
import dev.newsflow.jobs.functions.ingest.FeedListFile;
import dev.newsflow.jobs.functions.ingest.FeedPoller;
import dev.newsflow.jobs.functions.ingest.FeedSeed;
import dev.newsflow.jobs.functions.ingest.FetchPage;
import dev.newsflow.jobs.functions.ingest.HttpFeedPoller;
import dev.newsflow.jobs.functions.ingest.HttpPageFetcher;
import dev.newsflow.jobs.functions.ingest.PageFetcher;
import dev.newsflow.jobs.functions.ingest.SplitFeedEvents;
import dev.newsflow.jobs.source.feeds.FeedSource;
import dev.newsflow.jobs.source.feeds.KafkaFeedControl;
import dev.newsflow.schemas.CrawlEvent;
import dev.newsflow.schemas.kafka.Topics;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.function.SerializableSupplier;

/**
 * RSS/Atom feeds → {@code news.crawl} and {@code feeds.health}: the {@link FeedSource} polls feeds
 * (initial list + {@code feeds.control}), new items are partitioned by host and their pages fetched
 * politely with Async I/O, each becomes a crawl event; every poll's outcome becomes feed health.
 *
 * <p>Wiring only; see docs/feed-ingestion.md for the design. {@link #defineWorkflow} is shared by
 * {@link #main} and the tests, which pass a scripted source and collecting sinks.
 */
public final class FeedIngestJob {

    public static final String NAME = "newsflow-feed-ingest";

    private FeedIngestJob() {}

    public static void main(String[] args) throws Exception {
        FeedIngestConfig config =
                FeedIngestConfig.fromEnv(JobArguments.overlay(System.getenv(), args));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(
                config.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
        defineWorkflow(
                env,
                feedSource(config, HttpFeedPoller.factory(config.fetchPolicy())),
                FeedIngestSinks.production(config),
                config,
                HttpPageFetcher.factory(config.fetchPolicy()));
        env.execute(NAME);
    }

    /** Builds the job graph on {@code env}. */
    public static void defineWorkflow(
            StreamExecutionEnvironment env,
            Source<FeedEvent, ?, ?> feeds,
            FeedIngestSinks sinks,
            FeedIngestConfig config,
            SerializableSupplier<PageFetcher> pages) {
        DataStream<FeedEvent> events =
                env.fromSource(feeds, WatermarkStrategy.noWatermarks(), "feed source")
                        .uid("source-feeds");

        SingleOutputStreamOperator<DiscoveredItem> items =
                events.process(new SplitFeedEvents())
                        .uid("split-feed-events")
                        .name("split items and feed health");

        // Keyed by host: each host's pages are fetched by one subtask, which can be polite to it.
        DataStream<CrawlEvent> crawl =
                AsyncDataStream.unorderedWait(
                                items.keyBy(DiscoveredItem::host),
                                new FetchPage(pages, config.pageSettings()),
                                config.pageTimeout().toMillis(),
                                TimeUnit.MILLISECONDS,
                                config.pageConcurrency() * 4)
                        .uid("fetch-pages")
                        .name("fetch article pages");

        crawl.sinkTo(sinks.crawlTopic()).uid("sink-kafka-news-crawl").name("Kafka news.crawl");
        items.getSideOutput(SplitFeedEvents.HEALTH)
                .sinkTo(sinks.healthTopic())
                .uid("sink-kafka-feeds-health")
                .name("Kafka feeds.health");
    }

    /** The feed source on the configured feed list and {@code feeds.control}. */
    public static FeedSource feedSource(
            FeedIngestConfig config, SerializableSupplier<FeedPoller> pollers) throws IOException {
        List<FeedSeed> initial =
                config.feedsFile() == null
                        ? List.of()
                        : FeedListFile.read(Path.of(config.feedsFile()));
        return new FeedSource(
                initial,
                new KafkaFeedControl.Settings(
                        config.kafkaBootstrapServers(),
                        Topics.FEED_CONTROL.name(),
                        Duration.ofMillis(100)),
                config.sourceSettings(),
                pollers);
    }
}
