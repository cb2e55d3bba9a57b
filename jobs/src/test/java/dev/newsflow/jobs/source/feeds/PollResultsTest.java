package dev.newsflow.jobs.source.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.jobs.functions.feeds.FeedItem;
import dev.newsflow.jobs.functions.ingest.DiscoveredItem;
import dev.newsflow.jobs.functions.ingest.FeedResponse;
import dev.newsflow.jobs.functions.ingest.FeedSeed;
import dev.newsflow.jobs.functions.ingest.PollSchedule;
import dev.newsflow.jobs.testing.FeedDocuments;
import dev.newsflow.schemas.PollOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollResultsTest {

    private static final String FEED = "https://news.example/rss.xml";
    private static final String BASE = "https://news.example";
    private static final Instant NOW = FeedDocuments.EPOCH.plus(Duration.ofDays(1));
    private static final PollSchedule SCHEDULE = PollSchedule.defaults();

    private final FeedSplitState feed =
            new FeedSplitState(FeedSplit.fresh(FeedSeed.of(FEED, "News Example"), 0), 100);

    @Test
    void theFirstPollDiscoversEveryItemWithCanonicalLinks() {
        PollResult result = poll(FeedDocuments.document(BASE, 3));

        assertThat(result.outcome()).isEqualTo(PollOutcome.NEW_ITEMS);
        assertThat(result.newItems())
                .extracting(DiscoveredItem::link)
                .containsExactly(BASE + "/story-3", BASE + "/story-2", BASE + "/story-1");
        assertThat(result.newItems())
                .allSatisfy(
                        item -> {
                            assertThat(item.feedUrl()).isEqualTo(FEED);
                            assertThat(item.source()).isEqualTo("News Example");
                            assertThat(item.discoveredAt()).isEqualTo(NOW);
                        });
        assertThat(result.presentIds()).hasSize(6); // guid and link of each
        assertThat(result.etag()).isEqualTo("\"v3\"");
    }

    @Test
    void onceAppliedOnlyItemsNotSeenBeforeAreNew() {
        // Given
        feed.apply(poll(FeedDocuments.document(BASE, 3)));

        // When: the feed now has items 1..5
        PollResult result = poll(FeedDocuments.document(BASE, 5));

        // Then
        assertThat(result.newItems())
                .extracting(DiscoveredItem::title)
                .containsExactly("Story 5", "Story 4");
        feed.apply(result);
        assertThat(poll(FeedDocuments.document(BASE, 5)).outcome())
                .isEqualTo(PollOutcome.NO_NEW_ITEMS);
    }

    @Test
    void anItemIsRecognisedByItsLinkWhenTheGuidChangesAndByItsGuidWhenTheLinkDoes() {
        feed.apply(poll(FeedDocuments.document(BASE, 1)));

        FeedItem newGuid = new FeedItem("Story 1", BASE + "/story-1", null, "random-1", null);
        FeedItem newLink =
                new FeedItem("Story 1", BASE + "/story-1?session=9", null, BASE + "#1", null);

        assertThat(poll(new FeedResponse.Items(List.of(newGuid, newLink), null, null)).newItems())
                .isEmpty();
    }

    @Test
    void duplicatesWithinOneDocumentCountOnceAndItemsWithoutLinksAreSkippedButRemembered() {
        FeedItem story = new FeedItem("A", "/a?utm_source=x", null, null, null);
        FeedItem sameStory = new FeedItem("A again", BASE + "/a", null, null, null);
        FeedItem noLink = new FeedItem("No link", null, null, "guid-only", null);

        PollResult result =
                poll(new FeedResponse.Items(List.of(story, sameStory, noLink), null, null));

        assertThat(result.newItems()).extracting(DiscoveredItem::link).containsExactly(BASE + "/a");
        assertThat(result.skippedItems()).isEqualTo(1);
        feed.apply(result);
        assertThat(poll(new FeedResponse.Items(List.of(noLink), null, null)).skippedItems())
                .isZero();
    }

    @Test
    void theNextPollFollowsThePostingRate() {
        // Items 1..24 are hourly; the newest (24) is at NOW: poll again in half an hour.
        PollResult result = poll(FeedDocuments.document(BASE, 24));

        assertThat(result.newItemTimes()).hasSize(24);
        assertThat(result.nextPollAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
    }

    @Test
    void failuresKeepTheValidatorsAndBackOff() {
        feed.apply(poll(FeedDocuments.document(BASE, 2)));

        PollResult failed = poll(new FeedResponse.Failed("HTTP 500"));
        assertThat(failed.outcome()).isEqualTo(PollOutcome.FAILED);
        assertThat(failed.error()).isEqualTo("HTTP 500");
        assertThat(failed.etag()).isEqualTo("\"v2\"");
        assertThat(failed.nextPollAt()).isEqualTo(NOW.plus(SCHEDULE.backoff(1)));
        feed.apply(failed);

        PollResult rejected = poll(new FeedResponse.Rejected("not a feed: " + "x".repeat(5_000)));
        assertThat(rejected.outcome()).isEqualTo(PollOutcome.REJECTED);
        assertThat(rejected.error()).hasSize(PollResults.MAX_ERROR_CHARS);
        assertThat(rejected.nextPollAt()).isEqualTo(NOW.plus(SCHEDULE.backoff(2)));

        PollResult throttled = poll(new FeedResponse.Throttled(Duration.ofHours(3), "HTTP 429"));
        assertThat(throttled.outcome()).isEqualTo(PollOutcome.THROTTLED);
        assertThat(throttled.nextPollAt()).isEqualTo(NOW.plus(Duration.ofHours(3)));

        PollResult notModified = poll(new FeedResponse.NotModified());
        assertThat(notModified.outcome()).isEqualTo(PollOutcome.NOT_MODIFIED);
        assertThat(notModified.etag()).isEqualTo("\"v2\"");
    }

    private PollResult poll(FeedResponse response) {
        return PollResults.of(feed, response, NOW, SCHEDULE, 100);
    }
}
