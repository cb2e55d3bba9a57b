package dev.newsflow.jobs.source.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.jobs.functions.ingest.FeedResponse;
import dev.newsflow.jobs.functions.ingest.PollSchedule;
import dev.newsflow.jobs.testing.FeedDocuments;
import dev.newsflow.jobs.testing.MutableClock;
import dev.newsflow.jobs.testing.ScriptedFeeds;
import dev.newsflow.schemas.PollOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fetcher thread's scheduling: due feeds, per-host politeness, throttling, wake-ups. */
class FeedSplitReaderTest {

    /** Only guards against a hang; fetches here return within milliseconds. */
    private static final long HANG_GUARD_S = 20;

    private static final Instant T0 = Instant.parse("2026-11-20T12:00:00Z");
    private static final String A1 = "https://a.example/one.xml";
    private static final String A2 = "https://a.example/two.xml";
    private static final String B1 = "https://b.example/feed.xml";

    private final MutableClock clock = new MutableClock(T0);
    private final ScriptedFeeds feeds = new ScriptedFeeds();
    private final RemovalRequests removals = new RemovalRequests();
    private final FeedSplitReader reader =
            new FeedSplitReader(
                    feeds.pollers().get(),
                    new FeedSourceSettings(
                            new PollSchedule(Duration.ofMinutes(1), Duration.ofHours(1)),
                            100,
                            4,
                            Duration.ZERO,
                            Duration.ofSeconds(1)),
                    removals,
                    clock);

    @AfterEach
    void close() {
        reader.close();
    }

    @Test
    void feedsOfOneHostArePolledOneAfterTheOtherWhileOtherHostsGoAhead() throws Exception {
        // Given: polls of a.example block until released
        CountDownLatch releaseA = new CountDownLatch(1);
        ScriptedFeeds.Script slow =
                (poll, request) -> {
                    await(releaseA);
                    return FeedDocuments.document(request.feedUrl(), 1);
                };
        feeds.feed(A1, slow).feed(A2, slow).feed(B1, FeedDocuments.growing(B1, 5));
        add(split(A1, Instant.EPOCH), split(A2, Instant.EPOCH.plusSeconds(1)), split(B1, T0));

        // When / Then: b.example answers while a.example has exactly one poll in flight
        assertThat(fetch()).containsOnlyKeys(B1 + "#0");
        assertThat(reader.polling(A1 + "#0")).isTrue();
        assertThat(reader.polling(A2 + "#0")).isFalse();

        // When a.example answers, its second feed gets its turn
        releaseA.countDown();
        assertThat(fetch()).containsOnlyKeys(A1 + "#0");
        assertThat(fetch()).containsOnlyKeys(A2 + "#0");
        assertThat(feeds.maxConcurrentPolls("a.example")).isEqualTo(1);
    }

    @Test
    void aThrottledHostIsLeftAloneUntilItsRetryAfterEvenForItsOtherFeeds() throws Exception {
        // Given
        feeds.feed(
                        A1,
                        (poll, request) ->
                                new FeedResponse.Throttled(Duration.ofMinutes(10), "HTTP 429"))
                .feed(A2, FeedDocuments.growing(A2, 3))
                .feed(B1, FeedDocuments.growing(B1, 3));
        add(
                split(A1, Instant.EPOCH),
                split(A2, Instant.EPOCH.plusSeconds(1)),
                split(B1, T0.plus(Duration.ofMinutes(5))));
        assertThat(fetch().get(A1 + "#0").outcome()).isEqualTo(PollOutcome.THROTTLED);

        // When: five minutes later b.example is due, a.example still throttled
        clock.advance(Duration.ofMinutes(5));
        Map<String, PollResult> meanwhile = fetch();

        // Then
        assertThat(meanwhile).containsOnlyKeys(B1 + "#0");
        assertThat(reader.polling(A2 + "#0")).isFalse();

        // When the Retry-After has passed, a.example's other feed is polled
        clock.advance(Duration.ofMinutes(5));
        assertThat(fetch().get(A2 + "#0").outcome()).isEqualTo(PollOutcome.NEW_ITEMS);
    }

    @Test
    void theValidatorsOfTheLastFetchAreSentAndA304IsNotModified() throws Exception {
        feeds.feed(A1, FeedDocuments.growing(A1, 1));
        add(split(A1, Instant.EPOCH));
        PollResult first = fetch().get(A1 + "#0");
        assertThat(first.outcome()).isEqualTo(PollOutcome.NEW_ITEMS);

        clock.advance(Duration.between(T0, first.nextPollAt()));
        PollResult second = fetch().get(A1 + "#0");

        assertThat(second.outcome()).isEqualTo(PollOutcome.NOT_MODIFIED);
        assertThat(feeds.polls(A1)).isEqualTo(2);
    }

    @Test
    void aWakeUpEndsAFetchThatIsWaitingForTheNextDueFeed() throws Exception {
        feeds.feed(A1, FeedDocuments.growing(A1, 1));
        add(split(A1, T0.plus(Duration.ofHours(1))));

        CompletableFuture<Map<String, PollResult>> waiting =
                CompletableFuture.supplyAsync(this::fetchNow);
        reader.wakeUp();

        assertThat(waiting.get(HANG_GUARD_S, TimeUnit.SECONDS)).isEmpty();
        assertThat(feeds.polls(A1)).isZero();
    }

    @Test
    void aRemovedFeedIsReportedFinishedAndNeverPolledAgain() throws Exception {
        add(split(A1, T0.plus(Duration.ofHours(1))), split(B1, T0.plus(Duration.ofHours(1))));

        removals.request(List.of(A1 + "#0", "https://unknown.example/x#9"));
        RecordsWithSplitIds<PollResult> batch =
                CompletableFuture.supplyAsync(reader::fetch).get(HANG_GUARD_S, TimeUnit.SECONDS);

        assertThat(batch.finishedSplits()).containsExactly(A1 + "#0");
        assertThat(batch.nextSplit()).isNull();
        clock.advance(Duration.ofHours(2));
        assertThat(fetch()).containsOnlyKeys(B1 + "#0");
    }

    private void add(FeedSplit... splits) {
        reader.handleSplitsChanges(new SplitsAddition<>(List.of(splits)));
    }

    private static FeedSplit split(String url, Instant nextPollAt) {
        return new FeedSplit(
                url + "#0",
                url,
                "test",
                null,
                null,
                nextPollAt,
                0,
                null,
                null,
                List.of(),
                List.of());
    }

    /** Fetches once (with a hang guard) and returns the results by split. */
    private Map<String, PollResult> fetch() throws Exception {
        return CompletableFuture.supplyAsync(this::fetchNow).get(HANG_GUARD_S, TimeUnit.SECONDS);
    }

    private Map<String, PollResult> fetchNow() {
        RecordsWithSplitIds<PollResult> batch = reader.fetch();
        Map<String, PollResult> results = new LinkedHashMap<>();
        for (String split = batch.nextSplit(); split != null; split = batch.nextSplit()) {
            for (PollResult r = batch.nextRecordFromSplit();
                    r != null;
                    r = batch.nextRecordFromSplit()) {
                results.put(split, r);
            }
        }
        return results;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(HANG_GUARD_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
