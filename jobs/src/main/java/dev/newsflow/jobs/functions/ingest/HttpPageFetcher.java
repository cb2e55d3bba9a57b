package dev.newsflow.jobs.functions.ingest;

import dev.newsflow.jobs.functions.extract.HtmlDecoder;
import dev.newsflow.jobs.functions.fetch.FetchKind;
import dev.newsflow.jobs.functions.fetch.FetchPolicy;
import dev.newsflow.jobs.functions.fetch.FetchResult;
import dev.newsflow.jobs.functions.fetch.HttpFetcher;
import java.io.IOException;
import java.net.URI;
import org.apache.flink.util.function.SerializableSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches an article page over HTTP through the SSRF-safe {@link HttpFetcher} and decodes it (the
 * charset of the {@code Content-Type}, else the page's own {@code <meta charset>}, else UTF-8).
 * Throttling and transient failures are worth a retry; the rest is final.
 */
public final class HttpPageFetcher implements PageFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(HttpPageFetcher.class);

    private final HttpFetcher fetcher;

    public HttpPageFetcher(HttpFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** One fetcher per subtask, built in the task from the (serializable) policy. */
    public static SerializableSupplier<PageFetcher> factory(FetchPolicy policy) {
        return () -> new HttpPageFetcher(new HttpFetcher(policy));
    }

    @Override
    public PageResponse fetch(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return new PageResponse.Failed("not a URL: " + e.getMessage());
        }
        FetchResult result = fetcher.fetch(uri, FetchKind.PAGE);
        if (result instanceof FetchResult.Fetched page) {
            String html =
                    page.charset() == null
                            ? HtmlDecoder.decode(page.body())
                            : new String(page.body(), page.charset());
            return new PageResponse.Page(page.finalUri().toString(), html);
        }
        if (result instanceof FetchResult.Throttled throttled) {
            return new PageResponse.Retry(throttled.retryAfter(), "HTTP " + throttled.status());
        }
        if (result instanceof FetchResult.NotModified) {
            return new PageResponse.Failed("HTTP 304 to an unconditional request");
        }
        FetchResult.Failed failed = (FetchResult.Failed) result;
        return failed.retryable()
                ? new PageResponse.Retry(null, failed.reason())
                : new PageResponse.Failed(failed.reason());
    }

    @Override
    public void close() {
        try {
            fetcher.close();
        } catch (IOException e) {
            LOG.warn("Closing the page fetcher failed", e);
        }
    }
}
