package dev.newsflow.cli.publish;

import dev.newsflow.schemas.CrawlEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The articles {@code ./newsflow up} publishes: fictional, written for Newsflow (see {@code
 * samples/README.md}), republished as news of the last days so the feed's recency window (days) and
 * the importance score's freshness see them whenever the demo runs.
 */
public final class SampleArticles {

    static final String RESOURCE = "/samples/articles.jsonl";

    private SampleArticles() {}

    /** The bundled sample as crawl events, the newest published at {@code clock}'s now. */
    public static List<CrawlEvent> load(Clock clock) throws IOException {
        try (InputStream in = SampleArticles.class.getResourceAsStream(RESOURCE)) {
            Objects.requireNonNull(in, () -> RESOURCE + " is missing from the classpath");
            List<String> lines =
                    new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            return endingAt(CrawlEventJson.parseLines(lines, "sample", clock), clock.instant());
        }
    }

    /**
     * The events moved in time, all by the same amount, so the newest is published at {@code
     * newest}: the gaps between them (story windows, velocity) stay as written. Events without a
     * publication time keep none.
     */
    public static List<CrawlEvent> endingAt(List<CrawlEvent> events, Instant newest) {
        Instant latest =
                events.stream()
                        .map(CrawlEvent::getPublishedAt)
                        .filter(Objects::nonNull)
                        .max(Instant::compareTo)
                        .orElse(newest);
        Duration shift = Duration.between(latest, newest);
        return events.stream()
                .map(
                        e ->
                                e.getPublishedAt() == null
                                        ? e
                                        : CrawlEvent.newBuilder(e)
                                                .setPublishedAt(e.getPublishedAt().plus(shift))
                                                .build())
                .toList();
    }

    /** How long before the newest the oldest event was published. */
    public static Duration span(List<CrawlEvent> events) {
        List<Instant> times =
                events.stream().map(CrawlEvent::getPublishedAt).filter(Objects::nonNull).toList();
        if (times.isEmpty()) {
            return Duration.ZERO;
        }
        return Duration.between(
                times.stream().min(Instant::compareTo).orElseThrow(),
                times.stream().max(Instant::compareTo).orElseThrow());
    }
}
