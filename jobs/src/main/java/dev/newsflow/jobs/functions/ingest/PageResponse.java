package dev.newsflow.jobs.functions.ingest;

import java.time.Duration;

/** What fetching an article page produced. */
public sealed interface PageResponse {

    /** The page; {@code finalUrl} is where redirects ended. */
    record Page(String finalUrl, String html) implements PageResponse {}

    /** Worth another try later: 429/503 ({@code retryAfter} may be null), 5xx, timeouts. */
    record Retry(Duration retryAfter, String reason) implements PageResponse {}

    /** Will not succeed: 4xx, not HTML, too large, an address we must not fetch. */
    record Failed(String reason) implements PageResponse {}
}
