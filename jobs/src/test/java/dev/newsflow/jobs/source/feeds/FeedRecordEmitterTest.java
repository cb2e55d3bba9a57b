package dev.newsflow.jobs.source.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.jobs.functions.ingest.FeedEvent;
import dev.newsflow.jobs.functions.ingest.FeedResponse;
import dev.newsflow.jobs.functions.ingest.FeedSeed;
import dev.newsflow.jobs.functions.ingest.PollSchedule;
import dev.newsflow.jobs.testing.FeedDocuments;
import dev.newsflow.schemas.FeedHealth;
import dev.newsflow.schemas.PollOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;

/** The task-thread half of a poll: state update, then items and health, in one call. */
class FeedRecordEmitterTest {

    private static final String FEED = "https://news.example/rss.xml";
    private static final Instant T1 = FeedDocuments.EPOCH.plus(Duration.ofDays(1));
    private static final PollSchedule SCHEDULE = PollSchedule.defaults();

    private final FeedRecordEmitter emitter = new FeedRecordEmitter(new UnregisteredMetricsGroup());
    private final CollectingOutput output = new CollectingOutput();
    private final FeedSplitState fetcherCopy = fresh();
    private final FeedSplitState checkpointedCopy = fresh();

    @Test
    void newItemsAreEmittedThenTheHealthAndTheStateRemembersThem() {
        // Given: the fetcher thread decided a poll with two new items
        PollResult result = decide(FeedDocuments.document("https://news.example", 2), T1);

        // When: the task thread emits it
        emitter.emitRecord(result, output, checkpointedCopy);

        // Then
        assertThat(output.events).hasSize(3);
        assertThat(output.events.subList(0, 2)).allMatch(FeedEvent::isItem);
        FeedHealth health = output.events.get(2).health();
        assertThat(health.getOutcome()).isEqualTo(PollOutcome.NEW_ITEMS);
        assertThat(health.getNewItems()).isEqualTo(2);
        assertThat(health.getLastSuccessAt()).isEqualTo(T1);
        assertThat(health.getNextPollAt()).isEqualTo(result.nextPollAt());
        assertThat(checkpointedCopy.toSplit()).isEqualTo(fetcherCopy.toSplit());
        assertThat(checkpointedCopy.toSplit().seenIds()).hasSize(4);
        assertThat(checkpointedCopy.etag()).isEqualTo("\"v2\"");
    }

    @Test
    void aFailedPollEmitsOnlyHealthWithTheReasonAndTheStreak() {
        emitter.emitRecord(
                decide(FeedDocuments.document("https://news.example", 1), T1),
                output,
                checkpointedCopy);
        Instant t2 = T1.plus(Duration.ofHours(1));
        Instant t3 = t2.plus(Duration.ofHours(1));

        emitter.emitRecord(
                decide(new FeedResponse.Rejected("malformed XML at line 3"), t2),
                output,
                checkpointedCopy);
        emitter.emitRecord(
                decide(new FeedResponse.Failed("HTTP 502"), t3), output, checkpointedCopy);

        FeedHealth last = output.events.get(output.events.size() - 1).health();
        assertThat(output.events).filteredOn(FeedEvent::isItem).hasSize(1);
        assertThat(last.getOutcome()).isEqualTo(PollOutcome.FAILED);
        assertThat(last.getLastError()).isEqualTo("HTTP 502");
        assertThat(last.getConsecutiveFailures()).isEqualTo(2);
        assertThat(last.getLastSuccessAt()).isEqualTo(T1);
        assertThat(last.getCheckedAt()).isEqualTo(t3);
        assertThat(checkpointedCopy.toSplit()).isEqualTo(fetcherCopy.toSplit());
    }

    @Test
    void aSuccessEndsTheStreakButKeepsTheLastError() {
        emitter.emitRecord(
                decide(new FeedResponse.Failed("timeout"), T1), output, checkpointedCopy);

        emitter.emitRecord(
                decide(new FeedResponse.NotModified(), T1.plusSeconds(600)),
                output,
                checkpointedCopy);

        FeedHealth last = output.events.get(1).health();
        assertThat(last.getConsecutiveFailures()).isZero();
        assertThat(last.getLastError()).isEqualTo("timeout");
        assertThat(last.getLastSuccessAt()).isEqualTo(T1.plusSeconds(600));
    }

    /** What the fetcher thread does: decide on its own copy, then apply it there. */
    private PollResult decide(FeedResponse response, Instant now) {
        PollResult result = PollResults.of(fetcherCopy, response, now, SCHEDULE, 100);
        fetcherCopy.apply(result);
        return result;
    }

    private static FeedSplitState fresh() {
        return new FeedSplitState(FeedSplit.fresh(FeedSeed.of(FEED, null), 0), 100);
    }

    private static final class CollectingOutput implements SourceOutput<FeedEvent> {
        final List<FeedEvent> events = new ArrayList<>();

        @Override
        public void collect(FeedEvent record) {
            events.add(record);
        }

        @Override
        public void collect(FeedEvent record, long timestamp) {
            events.add(record);
        }

        @Override
        public void emitWatermark(Watermark watermark) {}

        @Override
        public void markIdle() {}

        @Override
        public void markActive() {}
    }
}
