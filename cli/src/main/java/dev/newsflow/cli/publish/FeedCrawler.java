package dev.newsflow.cli.publish;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.newsflow.schemas.CrawlEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One-shot crawl of RSS/Atom feeds for the local stack: parse each feed with Rome, fetch every
 * item's page, and turn it into a crawl event. Failures are reported per feed and per item, never
 * fatal. The continuous, polite, checkpointed poller is the FeedIngestJob of the ingestion issue.
 */
public final class FeedCrawler {

    private static final int MAX_BYTES = 8 * 1024 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http =
            HttpClient.newBuilder()
                    .connectTimeout(TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
    private final Clock clock;
    private final Consumer<String> report;

    public FeedCrawler(Clock clock, Consumer<String> report) {
        this.clock = clock;
        this.report = report;
    }

    public List<CrawlEvent> crawl(URI feedUrl) {
        List<CrawlEvent> events = new ArrayList<>();
        SyndFeed feed;
        try {
            feed =
                    new SyndFeedInput()
                            .build(new XmlReader(new ByteArrayInputStream(fetch(feedUrl))));
        } catch (Exception e) {
            report.accept("feed " + feedUrl + ": skipped, " + e.getMessage());
            return events;
        }
        int failed = 0;
        for (SyndEntry entry : feed.getEntries()) {
            if (entry.getLink() == null) {
                failed++;
                continue;
            }
            try {
                URI link = feedUrl.resolve(entry.getLink().trim());
                String html = new String(fetch(link), StandardCharsets.UTF_8);
                events.add(
                        CrawlEvent.newBuilder()
                                .setEventId(UUID.randomUUID().toString())
                                .setUrl(link.toString())
                                .setFeedUrl(feedUrl.toString())
                                .setSource(link.getHost())
                                .setTitle(entry.getTitle())
                                .setHtml(html)
                                .setPublishedAt(
                                        entry.getPublishedDate() == null
                                                ? null
                                                : entry.getPublishedDate().toInstant())
                                .setFetchedAt(clock.instant())
                                .build());
            } catch (Exception e) {
                failed++;
                report.accept("  item " + entry.getLink() + ": not fetched, " + e.getMessage());
            }
        }
        report.accept(
                String.format(
                        "feed %s: %d items, %d fetched, %d failed",
                        feedUrl, feed.getEntries().size(), events.size(), failed));
        return events;
    }

    private byte[] fetch(URI uri) throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(uri)
                        .timeout(TIMEOUT)
                        .header("User-Agent", "Newsflow/0.1 (+local stack)")
                        .build();
        HttpResponse<InputStream> response =
                http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() >= 400) {
                throw new IOException("HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException("larger than " + MAX_BYTES + " bytes");
            }
            return bytes;
        }
    }
}
