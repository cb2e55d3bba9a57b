package dev.newsflow.jobs.functions.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;

/**
 * Turns one HTTP response into the next step of a fetch: a final {@link FetchResult}, or the URI of
 * a redirect to follow. Reads the body only for a 2xx whose content type is accepted.
 */
final class ResponseClassifier {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final FetchPolicy policy;
    private final BodyReader bodies;
    private final Clock clock;

    ResponseClassifier(FetchPolicy policy, Clock clock) {
        this.policy = policy;
        this.bodies = new BodyReader(policy);
        this.clock = clock;
    }

    /** A final result, or a redirect to follow; {@code bodyRead} says if the body was consumed. */
    record Step(FetchResult result, URI redirect, boolean bodyRead) {}

    Step classify(ClassicHttpResponse response, URI uri, FetchKind kind, Deadline deadline)
            throws IOException, FetchAbort {
        int status = response.getCode();
        if (status == 200 || status == 203) {
            return new Step(fetched(response, uri, kind, deadline), null, true);
        }
        if (status == 304) {
            return new Step(new FetchResult.NotModified(uri), null, false);
        }
        if (REDIRECTS.contains(status)) {
            return new Step(null, redirectTarget(response, uri, status), false);
        }
        if (status == 429 || status == 503) {
            Duration wait =
                    RetryAfter.parse(header(response, HttpHeaders.RETRY_AFTER), clock.instant())
                            .orElse(policy.defaultRetryAfter());
            return new Step(new FetchResult.Throttled(uri, status, wait), null, false);
        }
        boolean retryable = status >= 500 || status == 408;
        return new Step(
                new FetchResult.Failed(statusLine(response), retryable, status), null, false);
    }

    private FetchResult fetched(
            ClassicHttpResponse response, URI uri, FetchKind kind, Deadline deadline)
            throws IOException, FetchAbort {
        MediaType mediaType = MediaType.parse(header(response, HttpHeaders.CONTENT_TYPE));
        if (mediaType.type() == null || !policy.accepts(kind, mediaType.type())) {
            String shown = mediaType.type() == null ? "(none)" : mediaType.type();
            throw new FetchAbort(
                    new FetchResult.Failed(
                            "content type " + shown + " not accepted for " + kind,
                            false,
                            response.getCode()));
        }
        HttpEntity entity = response.getEntity();
        byte[] body = new byte[0];
        if (entity != null) {
            bodies.checkDeclaredLength(entity.getContentLength());
            // Not try-with-resources: closing the stream drains it, so on failure the fetcher
            // aborts the connection instead; on success the stream is at its end already.
            InputStream in = entity.getContent();
            body = bodies.read(in, header(response, HttpHeaders.CONTENT_ENCODING), deadline);
            in.close();
        }
        return new FetchResult.Fetched(
                uri,
                response.getCode(),
                mediaType.type(),
                mediaType.charset(),
                body,
                header(response, HttpHeaders.ETAG),
                header(response, HttpHeaders.LAST_MODIFIED));
    }

    private static URI redirectTarget(ClassicHttpResponse response, URI uri, int status)
            throws FetchAbort {
        String location = header(response, HttpHeaders.LOCATION);
        if (location == null || location.isBlank()) {
            throw new FetchAbort(
                    new FetchResult.Failed(
                            "HTTP " + status + " redirect without a Location", false, status));
        }
        try {
            return UrlRules.resolveRedirect(uri, location);
        } catch (IllegalArgumentException e) {
            throw new FetchAbort(
                    new FetchResult.Failed(
                            "HTTP " + status + " redirect to an invalid Location: " + location,
                            false,
                            status));
        }
    }

    private static String statusLine(ClassicHttpResponse response) {
        String phrase = response.getReasonPhrase();
        return "HTTP "
                + response.getCode()
                + (phrase == null || phrase.isBlank() ? "" : " " + phrase);
    }

    private static String header(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }
}
