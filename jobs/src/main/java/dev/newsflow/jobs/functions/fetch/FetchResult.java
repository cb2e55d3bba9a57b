package dev.newsflow.jobs.functions.fetch;

import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;

/**
 * The outcome of one {@link HttpFetcher#fetch}: every expected failure is a value, never an
 * exception, so a caller can switch over the four cases.
 */
public sealed interface FetchResult {

    /**
     * A 2xx response whose body passed every limit.
     *
     * @param finalUri the URI after redirects
     * @param contentType the media type, lower case, without parameters
     * @param charset the charset named by the {@code Content-Type} header, or null when it names
     *     none or one this JVM does not support (the parser then sniffs the body)
     * @param body the decoded body (gzip/deflate already undone); not copied, do not modify
     * @param etag the {@code ETag} header or null
     * @param lastModified the {@code Last-Modified} header or null
     */
    record Fetched(
            URI finalUri,
            int status,
            String contentType,
            Charset charset,
            byte[] body,
            String etag,
            String lastModified)
            implements FetchResult {

        /** The validators to send with the next fetch of the same resource. */
        public Validators validators() {
            return new Validators(etag, lastModified);
        }
    }

    /** 304: the resource has not changed since the validators sent with the request. */
    record NotModified(URI finalUri) implements FetchResult {}

    /**
     * 429 or 503: the server asked us to come back later.
     *
     * @param retryAfter the server's {@code Retry-After}, or the policy default when it sent none
     *     or an unreadable one
     */
    record Throttled(URI finalUri, int status, Duration retryAfter) implements FetchResult {}

    /**
     * Anything else.
     *
     * @param reason human-readable, e.g. {@code "redirect to 127.0.0.1 refused: loopback address"}
     * @param retryable true for transient causes (timeouts, 5xx, connection errors) worth a later
     *     retry with backoff; false for ones that the same request will hit again
     * @param status the HTTP status, or {@link #NO_STATUS} when no response was received
     */
    record Failed(String reason, boolean retryable, int status) implements FetchResult {

        public static final int NO_STATUS = 0;

        static Failed permanent(String reason) {
            return new Failed(reason, false, NO_STATUS);
        }

        static Failed transientFailure(String reason) {
            return new Failed(reason, true, NO_STATUS);
        }
    }
}
