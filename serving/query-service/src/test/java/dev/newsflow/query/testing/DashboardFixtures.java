package dev.newsflow.query.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schemas.FeedHealth;
import dev.newsflow.schemas.PollOutcome;
import dev.newsflow.schemas.kafka.Topics;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * What the dashboard shows, put in place the way the jobs would leave it: articles and stories in
 * OpenSearch (through the aliases), and on Kafka a lagging enrichment group, a dead letter and the
 * health of two feeds.
 */
public final class DashboardFixtures {

    public static final List<String> SOURCES = List.of("north.example", "south.example");
    public static final String TOP_TOPIC = "flood barrier";

    /** Articles published within the last 7 days (one more is 20 days old). */
    public static final long ARTICLES_IN_WINDOW = 7;

    public static final List<String> STORIES_BY_IMPORTANCE =
            List.of("s-flood", "s-election", "s-storm", "s-rail");
    public static final String FASTEST_GROWING = "s-storm";
    public static final String OLD_STORY = "s-rail";

    public static final String ENRICHMENT_GROUP = "newsflow-enrichment";
    public static final long ENRICHMENT_LAG = 2;
    public static final String FAILING_FEED = "https://south.example/feed.xml";

    private DashboardFixtures() {}

    public static void indexArticles(URI openSearch, Instant now) throws Exception {
        Object[][] articles = {
            {"north-1", "north.example", 1, List.of(TOP_TOPIC, "city council")},
            {"north-2", "north.example", 5, List.of(TOP_TOPIC)},
            {"north-3", "north.example", 26, List.of(TOP_TOPIC, "election")},
            {"north-4", "north.example", 80, List.of("election")},
            {"south-1", "south.example", 2, List.of(TOP_TOPIC, "storm")},
            {"south-2", "south.example", 50, List.of("storm")},
            {"south-3", "south.example", 120, List.of(TOP_TOPIC)},
            {"old-1", "old.example", 20 * 24, List.of("rail line")},
        };
        for (Object[] a : articles) {
            Instant published = now.minus(Duration.ofHours((Integer) a[2]));
            JsonObject doc =
                    new JsonObject()
                            .put("id", a[0])
                            .put("url", "https://" + a[1] + "/" + a[0])
                            .put("source", a[1])
                            .put("title", "Article " + a[0])
                            .put("text", "Text of " + a[0])
                            .put("language", "en")
                            .put("keywords", new JsonArray((List<?>) a[3]))
                            .put("publishedAt", published.toString())
                            .put("enrichedAt", published.plusSeconds(60).toString());
            put(openSearch, "articles/_doc/" + a[0], doc);
        }
    }

    public static void indexStories(URI openSearch, Instant now) throws Exception {
        put(
                openSearch,
                "stories/_doc/s-flood",
                story(
                        "s-flood",
                        "Flood barrier vote passes",
                        0.9,
                        4.0,
                        now.minusSeconds(1_800),
                        5,
                        List.of("north.example", "south.example")));
        put(
                openSearch,
                "stories/_doc/s-election",
                story(
                        "s-election",
                        "Council election called early",
                        0.7,
                        1.0,
                        now.minusSeconds(7_200),
                        2,
                        List.of("north.example")));
        put(
                openSearch,
                "stories/_doc/s-storm",
                story(
                        "s-storm",
                        "Storm warning for the coast",
                        0.6,
                        6.0,
                        now.minusSeconds(3_600),
                        2,
                        List.of("south.example")));
        put(
                openSearch,
                "stories/_doc/s-rail",
                story(
                        "s-rail",
                        "Rail line reopens after 40 years",
                        0.5,
                        9.0,
                        now.minus(Duration.ofDays(40)),
                        1,
                        List.of("old.example")));
    }

    private static JsonObject story(
            String id,
            String headline,
            double importance,
            double growthRate,
            Instant lastSeen,
            int articles,
            List<String> sources) {
        return new JsonObject()
                .put("storyId", id)
                .put("headline", headline)
                .put("summary", "Summary: " + headline.toLowerCase() + ".")
                .put("language", "en")
                .put("articleIds", new JsonArray().add(id + "-a1"))
                .put("articleCount", articles)
                .put("sources", new JsonArray(sources))
                .put("sourceCount", sources.size())
                .put("keywords", new JsonArray().add(headline.toLowerCase().split(" ")[0]))
                .put("firstSeen", lastSeen.minus(Duration.ofHours(3)).toString())
                .put("lastSeen", lastSeen.toString())
                .put("growthRate", growthRate)
                .put("importance", importance)
                .put("importanceComponents", new JsonObject().put("velocity", growthRate / 10))
                .put("version", 1)
                .put("updatedAt", lastSeen.toString());
    }

    /**
     * Five crawl events of which the enrichment group has committed all but {@link
     * #ENRICHMENT_LAG}, one dead letter, and the latest health of a healthy and a failing feed.
     */
    public static void pipelineActivity(String bootstrapServers, Instant now) throws Exception {
        TopicPartition crawl0 = new TopicPartition(Topics.CRAWL.name(), 0);
        TopicPartition crawl1 = new TopicPartition(Topics.CRAWL.name(), 1);
        Map<String, Object> config =
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all");
        try (var raw =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 5; i++) {
                raw.send(new ProducerRecord<>(crawl0.topic(), 0, null, new byte[] {1})).get();
            }
            raw.send(new ProducerRecord<>(Topics.DLQ.name(), new byte[] {2})).get();
        }
        try (var health =
                new KafkaProducer<>(
                        config,
                        Topics.FEED_HEALTH.keySerde().serializer(),
                        Topics.FEED_HEALTH.valueSerde().serializer())) {
            health.send(
                            record(
                                    feed(
                                            "https://north.example/rss",
                                            PollOutcome.NEW_ITEMS,
                                            0,
                                            null,
                                            now)))
                    .get();
            health.send(
                            record(
                                    feed(
                                            FAILING_FEED,
                                            PollOutcome.FAILED,
                                            3,
                                            "connection refused",
                                            now)))
                    .get();
        }
        try (Admin admin =
                Admin.create(
                        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            var end =
                    admin.listOffsets(
                                    Map.of(
                                            crawl0,
                                            OffsetSpec.latest(),
                                            crawl1,
                                            OffsetSpec.latest()))
                            .all()
                            .get();
            admin.alterConsumerGroupOffsets(
                            ENRICHMENT_GROUP,
                            Map.of(
                                    crawl0,
                                            new OffsetAndMetadata(
                                                    end.get(crawl0).offset() - ENRICHMENT_LAG),
                                    crawl1, new OffsetAndMetadata(end.get(crawl1).offset())))
                    .all()
                    .get();
        }
    }

    private static FeedHealth feed(
            String url, PollOutcome outcome, int failures, String error, Instant now) {
        return FeedHealth.newBuilder()
                .setFeedUrl(url)
                .setOutcome(outcome)
                .setNewItems(failures == 0 ? 3 : 0)
                .setConsecutiveFailures(failures)
                .setLastError(error)
                .setLastSuccessAt(failures == 0 ? now : null)
                .setNextPollAt(now.plusSeconds(600))
                .setCheckedAt(now)
                .build();
    }

    private static ProducerRecord<String, FeedHealth> record(FeedHealth h) {
        return new ProducerRecord<>(Topics.FEED_HEALTH.name(), h.getFeedUrl(), h);
    }

    private static void put(URI openSearch, String path, JsonObject doc) throws Exception {
        HttpProbe admin = new HttpProbe(openSearch);
        HttpProbe.Answer answer =
                admin.send(
                        admin.request(path + "?refresh=true")
                                .header("Content-Type", "application/json")
                                .PUT(BodyPublishers.ofString(doc.encode())));
        assertThat(answer.status()).as(path + ": " + answer.body()).isIn(200, 201);
    }
}
