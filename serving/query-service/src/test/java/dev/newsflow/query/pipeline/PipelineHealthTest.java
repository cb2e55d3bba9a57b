package dev.newsflow.query.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schemas.FeedHealth;
import dev.newsflow.schemas.PollOutcome;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The pure parts of the pipeline health: lag, dead-letter counts, feed summary. */
class PipelineHealthTest {

    private static final TopicPartition CRAWL_0 = new TopicPartition("news.crawl", 0);
    private static final TopicPartition CRAWL_1 = new TopicPartition("news.crawl", 1);
    private static final TopicPartition DLQ = new TopicPartition("news.dlq", 0);
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void lagIsEndMinusCommittedPerPartitionAndNeverNegative() {
        JsonObject lag =
                ConsumerLag.of(
                        "newsflow-enrichment",
                        Map.of(CRAWL_1, 10L, CRAWL_0, 40L),
                        Map.of(CRAWL_0, 45L, CRAWL_1, 7L));

        assertThat(lag.getString("state")).isEqualTo("OK");
        assertThat(lag.getLong("lag")).isEqualTo(5);
        assertThat(lag.getJsonArray("partitions").getJsonObject(0))
                .isEqualTo(
                        new JsonObject()
                                .put("topic", "news.crawl")
                                .put("partition", 0)
                                .put("committed", 40L)
                                .put("end", 45L)
                                .put("lag", 5L));
        assertThat(lag.getJsonArray("partitions").getJsonObject(1).getLong("lag")).isZero();
    }

    @Test
    void aGroupThatNeverCommittedSaysSo() {
        JsonObject lag = ConsumerLag.of("newsflow-persona", Map.of(), Map.of());

        assertThat(lag.getString("state")).isEqualTo("NO_COMMITTED_OFFSETS");
        assertThat(lag.getLong("lag")).isZero();
    }

    @Test
    void deadLettersAreOffsetSpansAndNoneInTheLastHourWhenNoRecordIsThatRecent() {
        JsonObject recent =
                DeadLetterRate.of("news.dlq", Map.of(DLQ, 3L), Map.of(DLQ, 20L), Map.of(DLQ, 17L));
        JsonObject quiet =
                DeadLetterRate.of("news.dlq", Map.of(DLQ, 3L), Map.of(DLQ, 20L), Map.of(DLQ, -1L));

        assertThat(recent.getLong("retained")).isEqualTo(17);
        assertThat(recent.getLong("lastHour")).isEqualTo(3);
        assertThat(quiet.getLong("lastHour")).isZero();
        assertThat(quiet.getBoolean("approximate")).isTrue();
    }

    @Test
    void feedSummaryCountsOutcomesAndListsTheLongestFailingFirst() {
        List<FeedHealth> feeds =
                List.of(
                        feed("https://a.example/rss", PollOutcome.NEW_ITEMS, 0, 4, null),
                        feed("https://b.example/rss", PollOutcome.FAILED, 2, 0, "HTTP 500"),
                        feed("https://c.example/rss", PollOutcome.FAILED, 7, 0, "timeout"),
                        feed("https://d.example/rss", PollOutcome.NOT_MODIFIED, 0, 0, null));

        JsonObject summary = FeedHealthSummary.of(feeds, false);

        assertThat(summary.getInteger("feeds")).isEqualTo(4);
        assertThat(summary.getLong("failingFeeds")).isEqualTo(2);
        assertThat(summary.getJsonObject("byOutcome"))
                .isEqualTo(new JsonObject("{\"FAILED\":2,\"NEW_ITEMS\":1,\"NOT_MODIFIED\":1}"));
        assertThat(summary.getLong("newItemsLastPoll")).isEqualTo(4);
        assertThat(summary.getString("lastCheckedAt")).isEqualTo(NOW.toString());
        assertThat(summary.getJsonArray("failing").getJsonObject(0).getString("feedUrl"))
                .isEqualTo("https://c.example/rss");
        assertThat(summary.getJsonArray("failing").getJsonObject(0).getString("lastError"))
                .isEqualTo("timeout");
        assertThat(summary.getBoolean("truncated")).isFalse();
    }

    @Test
    void noFeedsIsAnEmptySummary() {
        JsonObject summary = FeedHealthSummary.of(List.of(), true);

        assertThat(summary.getInteger("feeds")).isZero();
        assertThat(summary.getString("lastCheckedAt")).isNull();
        assertThat(summary.getBoolean("truncated")).isTrue();
    }

    @Test
    void consumerGroupsComeFromTheEnvironmentOrDefaultToTheJobs() {
        assertThat(KafkaPipelineMonitor.groupsFromEnv(Map.of()))
                .containsExactly("newsflow-enrichment", "newsflow-persona");
        assertThat(
                        KafkaPipelineMonitor.groupsFromEnv(
                                Map.of(KafkaPipelineMonitor.ENV_CONSUMER_GROUPS, " a, ,b ")))
                .containsExactly("a", "b");
    }

    private static FeedHealth feed(
            String url, PollOutcome outcome, int failures, int newItems, String error) {
        return FeedHealth.newBuilder()
                .setFeedUrl(url)
                .setOutcome(outcome)
                .setNewItems(newItems)
                .setConsecutiveFailures(failures)
                .setLastError(error)
                .setNextPollAt(NOW.plusSeconds(60))
                .setCheckedAt(NOW)
                .build();
    }
}
