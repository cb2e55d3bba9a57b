package dev.newsflow.jobs.functions.ingest;

import dev.newsflow.jobs.functions.feeds.FeedParser;
import dev.newsflow.jobs.functions.feeds.FeedRejectedException;
import dev.newsflow.jobs.functions.feeds.ParsedFeed;
import dev.newsflow.jobs.functions.fetch.FetchKind;
import dev.newsflow.jobs.functions.fetch.FetchPolicy;
import dev.newsflow.jobs.functions.fetch.FetchResult;
import dev.newsflow.jobs.functions.fetch.HttpFetcher;
import dev.newsflow.jobs.functions.fetch.Validators;
import java.io.IOException;
import java.net.URI;
import org.apache.flink.util.function.SerializableSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a feed over HTTP: a conditional GET through the SSRF-safe {@link HttpFetcher}, then the
 * lenient {@link FeedParser}. A document that cannot be read is {@code REJECTED} with the parser's
 * reason; a fetch failure the fetcher calls permanent (refused address, wrong content type, too
 * large, 4xx) is {@code REJECTED} too, a transient one {@code FAILED}.
 */
public final class HttpFeedPoller implements FeedPoller {

    private static final Logger LOG = LoggerFactory.getLogger(HttpFeedPoller.class);

    private final HttpFetcher fetcher;
    private final FeedParser parser;

    public HttpFeedPoller(HttpFetcher fetcher, FeedParser parser) {
        this.fetcher = fetcher;
        this.parser = parser;
    }

    /** One poller per reader, built in the task from the (serializable) policy. */
    public static SerializableSupplier<FeedPoller> factory(FetchPolicy policy) {
        return () -> new HttpFeedPoller(new HttpFetcher(policy), new FeedParser());
    }

    @Override
    public FeedResponse poll(FeedRequest request) {
        URI uri;
        try {
            uri = URI.create(request.feedUrl());
        } catch (IllegalArgumentException e) {
            return new FeedResponse.Rejected("not a URL: " + e.getMessage());
        }
        FetchResult result =
                fetcher.fetch(
                        uri,
                        FetchKind.FEED,
                        new Validators(request.etag(), request.lastModified()));
        if (result instanceof FetchResult.Fetched fetched) {
            return parse(fetched);
        }
        if (result instanceof FetchResult.NotModified) {
            return new FeedResponse.NotModified();
        }
        if (result instanceof FetchResult.Throttled throttled) {
            return new FeedResponse.Throttled(
                    throttled.retryAfter(), "HTTP " + throttled.status() + ": throttled");
        }
        FetchResult.Failed failed = (FetchResult.Failed) result;
        return failed.retryable()
                ? new FeedResponse.Failed(failed.reason())
                : new FeedResponse.Rejected(failed.reason());
    }

    private FeedResponse parse(FetchResult.Fetched fetched) {
        String contentType =
                fetched.charset() == null
                        ? fetched.contentType()
                        : fetched.contentType() + "; charset=" + fetched.charset().name();
        try {
            // Relative links resolve against where the redirects ended.
            ParsedFeed feed =
                    parser.parse(fetched.body(), contentType, fetched.finalUri().toString());
            return new FeedResponse.Items(feed.items(), fetched.etag(), fetched.lastModified());
        } catch (FeedRejectedException e) {
            return new FeedResponse.Rejected(e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            fetcher.close();
        } catch (IOException e) {
            LOG.warn("Closing the feed fetcher failed", e);
        }
    }
}
