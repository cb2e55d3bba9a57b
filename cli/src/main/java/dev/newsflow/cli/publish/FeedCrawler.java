package dev.newsflow.cli.publish;

import dev.newsflow.jobs.functions.extract.HtmlDecoder;
import dev.newsflow.jobs.functions.feeds.FeedItem;
import dev.newsflow.jobs.functions.feeds.FeedParser;
import dev.newsflow.jobs.functions.feeds.FeedRejectedException;
import dev.newsflow.jobs.functions.feeds.ParsedFeed;
import dev.newsflow.jobs.functions.fetch.FetchKind;
import dev.newsflow.jobs.functions.fetch.FetchResult;
import dev.newsflow.jobs.functions.fetch.HttpFetcher;
import dev.newsflow.schemas.CrawlEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One-shot crawl of RSS/Atom feeds for the local stack, with the same fetcher (SSRF guard, size
 * limits, redirects) and lenient feed parser as the pipeline: parse each feed, fetch every item's
 * page, and turn it into a crawl event. Failures are reported per feed and per item, never fatal.
 * The continuous, polite, checkpointed poller is the FeedIngestJob.
 */
public final class FeedCrawler {

    private final HttpFetcher fetcher;
    private final FeedParser parser = new FeedParser();
    private final Clock clock;
    private final Consumer<String> report;

    public FeedCrawler(HttpFetcher fetcher, Clock clock, Consumer<String> report) {
        this.fetcher = fetcher;
        this.clock = clock;
        this.report = report;
    }

    public List<CrawlEvent> crawl(URI feedUrl) {
        List<CrawlEvent> events = new ArrayList<>();
        ParsedFeed feed;
        try {
            FetchResult.Fetched fetched = fetched(fetcher.fetch(feedUrl, FetchKind.FEED));
            feed =
                    parser.parse(
                            fetched.body(), fetched.contentType(), fetched.finalUri().toString());
        } catch (FetchFailure | FeedRejectedException e) {
            report.accept("feed " + feedUrl + ": skipped, " + e.getMessage());
            return events;
        }
        int failed = 0;
        for (FeedItem item : feed.items()) {
            try {
                events.add(crawlItem(feedUrl, item));
            } catch (FetchFailure e) {
                failed++;
                report.accept("  item " + item.link() + ": not fetched, " + e.getMessage());
            }
        }
        report.accept(
                String.format(
                        "feed %s: %d items, %d fetched, %d failed",
                        feedUrl, feed.items().size(), events.size(), failed));
        return events;
    }

    private CrawlEvent crawlItem(URI feedUrl, FeedItem item) throws FetchFailure {
        if (item.link() == null) {
            throw new FetchFailure("the item has no link");
        }
        FetchResult.Fetched page = fetched(fetcher.fetch(URI.create(item.link()), FetchKind.PAGE));
        String html =
                page.charset() != null
                        ? new String(page.body(), page.charset())
                        : HtmlDecoder.decode(page.body());
        return CrawlEvent.newBuilder()
                .setEventId(
                        UUID.nameUUIDFromBytes(item.link().getBytes(StandardCharsets.UTF_8))
                                .toString())
                .setUrl(item.link())
                .setFeedUrl(feedUrl.toString())
                .setSource(URI.create(item.link()).getHost())
                .setTitle(item.title())
                .setHtml(html)
                .setPublishedAt(item.published())
                .setFetchedAt(clock.instant())
                .build();
    }

    private static FetchResult.Fetched fetched(FetchResult result) throws FetchFailure {
        if (result instanceof FetchResult.Fetched fetched) {
            return fetched;
        }
        if (result instanceof FetchResult.Failed failed) {
            throw new FetchFailure(failed.reason());
        }
        if (result instanceof FetchResult.Throttled throttled) {
            throw new FetchFailure(
                    "throttled (HTTP "
                            + throttled.status()
                            + "), retry after "
                            + throttled.retryAfter());
        }
        throw new FetchFailure("unexpected " + result);
    }

    /** A feed or page that could not be fetched, with the fetcher's reason. */
    private static final class FetchFailure extends Exception {
        FetchFailure(String reason) {
            super(reason);
        }
    }
}
