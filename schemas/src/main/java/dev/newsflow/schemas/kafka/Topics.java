package dev.newsflow.schemas.kafka;

import dev.newsflow.schemas.CrawlEvent;
import dev.newsflow.schemas.DeadLetter;
import dev.newsflow.schemas.DuplicateArticle;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.FeedCommand;
import dev.newsflow.schemas.FeedHealth;
import dev.newsflow.schemas.Interaction;
import dev.newsflow.schemas.Persona;
import dev.newsflow.schemas.Story;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The one registry of Newsflow's Kafka topics: each topic's name, key and value serdes, and the
 * settings it is created with. Producers, consumers, fixtures and deployment manifests all read
 * from here; no topic name is spelled anywhere else.
 */
public final class Topics {

    /** A topic with its serdes and creation settings. */
    public record Topic<K, V>(
            String name,
            Serde<K> keySerde,
            Serde<V> valueSerde,
            int partitions,
            Map<String, String> config,
            String description) {}

    private static final Map<String, String> DELETE_7_DAYS =
            Map.of(
                    "cleanup.policy",
                    "delete",
                    "retention.ms",
                    String.valueOf(7L * 24 * 3600 * 1000));

    /** Largest crawl event accepted: big pages must reach the job to be dead-lettered, not lost. */
    public static final int MAX_CRAWL_EVENT_BYTES = 64 * 1024 * 1024;

    /** Raw crawl events from the feed poller and external crawlers, keyed by URL. */
    public static final Topic<String, CrawlEvent> CRAWL =
            new Topic<>(
                    "news.crawl",
                    Serdes.String(),
                    AvroSerde.of(CrawlEvent.class),
                    2,
                    Map.of(
                            "cleanup.policy", "delete",
                            "retention.ms", String.valueOf(7L * 24 * 3600 * 1000),
                            "max.message.bytes", String.valueOf(MAX_CRAWL_EVENT_BYTES)),
                    "raw articles from feeds and crawlers");

    /** Enriched articles for downstream consumers, keyed by article id. */
    public static final Topic<String, EnrichedArticle> ENRICHED =
            new Topic<>(
                    "news.enriched",
                    Serdes.String(),
                    AvroSerde.of(EnrichedArticle.class),
                    2,
                    DELETE_7_DAYS,
                    "articles after extraction, embedding and scoring");

    /** Stories as they change, keyed by story id; compacted: the current version of each story. */
    public static final Topic<String, Story> STORIES =
            new Topic<>(
                    "news.stories",
                    Serdes.String(),
                    AvroSerde.of(Story.class),
                    2,
                    Map.of(
                            "cleanup.policy",
                            "compact,delete",
                            "retention.ms",
                            String.valueOf(30L * 24 * 3600 * 1000)),
                    "stories: articles about the same event, with importance (compacted)");

    /** Crawl events dropped as duplicates, with the article they duplicate, keyed by article id. */
    public static final Topic<String, DuplicateArticle> DUPLICATES =
            new Topic<>(
                    "news.duplicates",
                    Serdes.String(),
                    AvroSerde.of(DuplicateArticle.class),
                    1,
                    DELETE_7_DAYS,
                    "crawl events dropped as duplicates of an earlier article");

    /** Records that could not be processed, with the reason. */
    public static final Topic<String, DeadLetter> DLQ =
            new Topic<>(
                    "news.dlq",
                    Serdes.String(),
                    AvroSerde.of(DeadLetter.class),
                    1,
                    Map.of(
                            "cleanup.policy",
                            "delete",
                            "retention.ms",
                            String.valueOf(30L * 24 * 3600 * 1000)),
                    "dead letters: rejected records and why");

    /** Likes, dislikes, clicks and hides, keyed by user id. */
    public static final Topic<String, Interaction> INTERACTIONS =
            new Topic<>(
                    "user.interactions",
                    Serdes.String(),
                    AvroSerde.of(Interaction.class),
                    2,
                    DELETE_7_DAYS,
                    "user interactions from the query service");

    /** Latest persona per user; compacted so the topic is a table of current profiles. */
    public static final Topic<String, Persona> PERSONAS =
            new Topic<>(
                    "user.personas",
                    Serdes.String(),
                    AvroSerde.of(Persona.class),
                    2,
                    Map.of("cleanup.policy", "compact"),
                    "current persona per user (compacted)");

    /** Feeds to add or remove at run time, keyed by feed URL; compacted: the current feed list. */
    public static final Topic<String, FeedCommand> FEED_CONTROL =
            new Topic<>(
                    "feeds.control",
                    Serdes.String(),
                    AvroSerde.of(FeedCommand.class),
                    1,
                    Map.of("cleanup.policy", "compact"),
                    "feed list changes (add/remove) for the feed poller");

    /** Latest poll outcome per feed, keyed by feed URL; compacted: the current health table. */
    public static final Topic<String, FeedHealth> FEED_HEALTH =
            new Topic<>(
                    "feeds.health",
                    Serdes.String(),
                    AvroSerde.of(FeedHealth.class),
                    1,
                    Map.of("cleanup.policy", "compact"),
                    "per-feed health: last outcome, failures, last error");

    private static final List<Topic<?, ?>> ALL =
            List.of(
                    CRAWL,
                    ENRICHED,
                    STORIES,
                    DUPLICATES,
                    DLQ,
                    INTERACTIONS,
                    PERSONAS,
                    FEED_CONTROL,
                    FEED_HEALTH);

    private Topics() {}

    /** Every topic Newsflow uses, for fixtures and deployment tooling that create them. */
    public static List<Topic<?, ?>> all() {
        return ALL;
    }
}
