package dev.newsflow.jobs.functions.ingest;

/**
 * Fetches an article page (blocking). Must not throw for anything a server can cause: that is a
 * {@link PageResponse.Retry} or {@link PageResponse.Failed}. Politeness between requests is the
 * caller's ({@link PoliteExecutor}).
 */
public interface PageFetcher extends AutoCloseable {

    PageResponse fetch(String url);

    @Override
    default void close() {}
}
