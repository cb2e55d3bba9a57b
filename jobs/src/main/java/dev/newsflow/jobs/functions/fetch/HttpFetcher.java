package dev.newsflow.jobs.functions.fetch;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches one feed or page with conditional GET, bounded redirects followed by hand (each target
 * checked by {@link UrlRules} and, at connect time, by the {@link AddressGuard}), size limits,
 * gzip/deflate and timeouts. Blocking and thread-safe: share one instance per task and call it from
 * a bounded pool; close it in the function's {@code close()}.
 *
 * <p>Expected failures never throw: they come back as {@link FetchResult.Failed} with a reason.
 */
public final class HttpFetcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpFetcher.class);

    private final FetchPolicy policy;
    private final CloseableHttpClient client;
    private final ResponseClassifier classifier;

    public HttpFetcher(FetchPolicy policy) {
        this(policy, SystemDefaultDnsResolver.INSTANCE, Clock.systemUTC());
    }

    /**
     * @param dns the resolver behind the guard (tests map names to local addresses with it)
     * @param clock reads {@code Retry-After} dates
     */
    public HttpFetcher(FetchPolicy policy, DnsResolver dns, Clock clock) {
        this.policy = policy;
        this.client = FetchClients.create(policy, dns);
        this.classifier = new ResponseClassifier(policy, clock);
    }

    public FetchResult fetch(URI uri, FetchKind kind) {
        return fetch(uri, kind, Validators.none());
    }

    /**
     * @param previous validators from the last {@link FetchResult.Fetched} of this resource, or
     *     {@link Validators#none()}
     */
    public FetchResult fetch(URI uri, FetchKind kind, Validators previous) {
        FetchResult result = follow(uri, kind, previous);
        LOG.debug("Fetch of {} ({}): {}", UrlRules.display(uri), kind, summary(result));
        return result;
    }

    private FetchResult follow(URI uri, FetchKind kind, Validators previous) {
        Deadline deadline = Deadline.after(policy.totalTimeout());
        URI current = uri;
        for (int redirects = 0; ; redirects++) {
            String hop = redirects == 0 ? "fetch of" : "redirect to";
            Optional<String> refusal = UrlRules.refusal(current);
            if (refusal.isPresent()) {
                return FetchResult.Failed.permanent(
                        hop + " " + UrlRules.display(current) + " refused: " + refusal.get());
            }
            try {
                deadline.check();
                ResponseClassifier.Step step = exchange(current, kind, previous, deadline);
                if (step.result() != null) {
                    return step.result();
                }
                if (redirects == policy.maxRedirects()) {
                    return FetchResult.Failed.permanent(
                            "too many redirects (more than " + policy.maxRedirects() + ")");
                }
                current = step.redirect();
            } catch (FetchAbort e) {
                return e.failure();
            } catch (IOException e) {
                return FetchFailures.of(e, hop, current, policy);
            }
        }
    }

    private ResponseClassifier.Step exchange(
            URI uri, FetchKind kind, Validators previous, Deadline deadline)
            throws IOException, FetchAbort {
        HttpGet get = new HttpGet(uri);
        get.setHeader(
                HttpHeaders.ACCEPT, String.join(", ", policy.acceptedContentTypes().get(kind)));
        get.setHeader(HttpHeaders.ACCEPT_ENCODING, "gzip, deflate");
        if (previous.etag() != null) {
            get.setHeader(HttpHeaders.IF_NONE_MATCH, previous.etag());
        }
        if (previous.lastModified() != null) {
            get.setHeader(HttpHeaders.IF_MODIFIED_SINCE, previous.lastModified());
        }
        ClassicHttpResponse response = client.executeOpen(null, get, null);
        boolean bodyRead = false;
        try {
            ResponseClassifier.Step step = classifier.classify(response, uri, kind, deadline);
            bodyRead = step.bodyRead();
            return step;
        } finally {
            if (!bodyRead) {
                // Drop the connection first: closing the response would otherwise drain a body
                // we do not want, which may be huge or never end.
                get.abort();
            }
            closeQuietly(response);
        }
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException e) {
            LOG.trace("Closing an aborted response failed", e); // expected after abort()
        }
    }

    private static String summary(FetchResult result) {
        // Java 17: no pattern matching in switch yet.
        if (result instanceof FetchResult.Fetched f) {
            return f.status() + " " + f.contentType() + ", " + f.body().length + " bytes";
        }
        if (result instanceof FetchResult.Throttled t) {
            return t.status() + ", retry after " + t.retryAfter();
        }
        if (result instanceof FetchResult.Failed f) {
            return (f.retryable() ? "failed (retryable): " : "failed: ") + f.reason();
        }
        return "not modified";
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
