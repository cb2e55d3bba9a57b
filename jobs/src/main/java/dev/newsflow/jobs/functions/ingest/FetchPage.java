package dev.newsflow.jobs.functions.ingest;

import dev.newsflow.schemas.CrawlEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.apache.flink.util.function.SerializableSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the page of each discovered item (Flink Async I/O) and emits its crawl event. Requests
 * are polite per host ({@link PoliteExecutor}); throttling and transient failures are retried up to
 * {@code maxAttempts} with the host paused (Retry-After, else a doubling backoff). A page that
 * cannot be fetched, or a fetch that outlives the operator's timeout, still yields a crawl event
 * carrying the feed's text for the item: nothing discovered is dropped.
 */
public final class FetchPage extends RichAsyncFunction<DiscoveredItem, CrawlEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(FetchPage.class);

    private final SerializableSupplier<PageFetcher> fetchers;
    private final PageFetchSettings settings;
    private transient PageFetcher fetcher;
    private transient PoliteExecutor executor;
    private transient Clock clock;
    private transient Counter pagesFetched;
    private transient Counter pagesFellBack;

    public FetchPage(SerializableSupplier<PageFetcher> fetchers, PageFetchSettings settings) {
        this.fetchers = fetchers;
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        clock = Clock.systemUTC();
        fetcher = fetchers.get();
        executor = new PoliteExecutor(settings.hostDelay(), settings.concurrency(), clock);
        pagesFetched = getRuntimeContext().getMetricGroup().counter("pagesFetched");
        pagesFellBack = getRuntimeContext().getMetricGroup().counter("pagesFellBackToFeedText");
    }

    @Override
    public void asyncInvoke(DiscoveredItem item, ResultFuture<CrawlEvent> result) {
        attempt(item, result, 1);
    }

    @Override
    public void timeout(DiscoveredItem item, ResultFuture<CrawlEvent> result) {
        fallBack(item, result, "timed out");
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.close();
        }
        if (fetcher != null) {
            fetcher.close();
        }
    }

    private void attempt(DiscoveredItem item, ResultFuture<CrawlEvent> result, int attempt) {
        executor.submit(item.host(), () -> fetcher.fetch(item.link()))
                .whenComplete(
                        (response, error) ->
                                settle(
                                        item,
                                        result,
                                        attempt,
                                        error == null
                                                ? response
                                                : new PageResponse.Retry(null, error.toString())));
    }

    private void settle(
            DiscoveredItem item,
            ResultFuture<CrawlEvent> result,
            int attempt,
            PageResponse response) {
        if (response instanceof PageResponse.Page page) {
            pagesFetched.inc();
            result.complete(List.of(ItemCrawlEvents.fromPage(item, page, clock.instant())));
        } else if (response instanceof PageResponse.Retry retry
                && attempt < settings.maxAttempts()) {
            Duration backoff = settings.hostDelay().multipliedBy(1L << Math.min(attempt, 10));
            executor.pause(
                    item.host(),
                    retry.retryAfter() != null && retry.retryAfter().compareTo(backoff) > 0
                            ? retry.retryAfter()
                            : backoff);
            attempt(item, result, attempt + 1);
        } else {
            fallBack(item, result, reason(response));
        }
    }

    private void fallBack(DiscoveredItem item, ResultFuture<CrawlEvent> result, String reason) {
        LOG.info(
                "Page {} of feed {} not fetched ({}); publishing the feed's text instead",
                item.link(),
                item.feedUrl(),
                reason);
        pagesFellBack.inc();
        result.complete(List.of(ItemCrawlEvents.fromFeedItem(item, clock.instant())));
    }

    private static String reason(PageResponse response) {
        if (response instanceof PageResponse.Retry retry) {
            return "gave up: " + retry.reason();
        }
        return ((PageResponse.Failed) response).reason();
    }
}
