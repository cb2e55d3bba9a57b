package dev.newsflow.jobs.source.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.jobs.functions.ingest.FeedSeed;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedSplitSerializerTest {

    private static final FeedSplit POLLED =
            new FeedSplit(
                    "https://news.example/rss.xml#7",
                    "https://news.example/rss.xml",
                    "News Example",
                    "\"etag-1\"",
                    "Fri, 20 Nov 2026 08:00:00 GMT",
                    Instant.parse("2026-11-20T09:00:00Z"),
                    2,
                    Instant.parse("2026-11-20T07:00:00Z"),
                    "HTTP 503 — «unavailable»",
                    List.of(-1L, 0L, Long.MAX_VALUE, 42L),
                    List.of(
                            Instant.parse("2026-11-20T06:00:00Z"),
                            Instant.parse("2026-11-20T07:30:00Z")));

    @Test
    void aPolledSplitSurvivesTheRoundTripWithEveryField() throws IOException {
        FeedSplitSerializer serializer = FeedSplitSerializer.INSTANCE;

        FeedSplit copy =
                serializer.deserialize(serializer.getVersion(), serializer.serialize(POLLED));

        assertThat(copy).isEqualTo(POLLED);
        assertThat(copy.seenIds()).containsExactly(-1L, 0L, Long.MAX_VALUE, 42L);
    }

    @Test
    void aFreshSplitWithNullsSurvivesTheRoundTrip() throws IOException {
        FeedSplit fresh = FeedSplit.fresh(FeedSeed.of("https://blog.example/atom", null), 0);

        FeedSplit copy =
                FeedSplitSerializer.INSTANCE.deserialize(
                        1, FeedSplitSerializer.INSTANCE.serialize(fresh));

        assertThat(copy).isEqualTo(fresh);
        assertThat(copy.splitId()).isEqualTo("https://blog.example/atom#0");
        assertThat(copy.source()).isEqualTo("blog.example");
        assertThat(copy.etag()).isNull();
        assertThat(copy.lastSuccessAt()).isNull();
    }

    @Test
    void anUnknownVersionIsRefusedRatherThanMisread() throws IOException {
        byte[] bytes = FeedSplitSerializer.INSTANCE.serialize(POLLED);

        assertThat(FeedSplitSerializer.INSTANCE.getVersion()).isEqualTo(1);
        assertThatThrownBy(() -> FeedSplitSerializer.INSTANCE.deserialize(2, bytes))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("version 2");
    }

    @Test
    void theEnumeratorStateSurvivesTheRoundTrip() throws IOException {
        // Given
        FeedEnumeratorState state =
                new FeedEnumeratorState(
                        true,
                        8,
                        Map.of(
                                "https://news.example/rss.xml",
                                new FeedEnumeratorState.ActiveFeed(
                                        "https://news.example/rss.xml#7", "News Example")),
                        List.of(POLLED),
                        Map.of(0, 12L, 3, 0L));
        FeedEnumeratorStateSerializer serializer = new FeedEnumeratorStateSerializer();

        // When
        FeedEnumeratorState copy =
                serializer.deserialize(serializer.getVersion(), serializer.serialize(state));

        // Then
        assertThat(copy).isEqualTo(state);
        assertThatThrownBy(() -> serializer.deserialize(0, serializer.serialize(state)))
                .isInstanceOf(IOException.class);
    }
}
