package dev.newsflow.jobs.functions.ingest;

/**
 * Fetches and parses one feed. Implementations do I/O only; de-duplication against seen items,
 * validators bookkeeping and the next poll time are the source's job, identical for every poller.
 *
 * <p>Called from several threads at once, never twice at the same time for one feed. Must not throw
 * for anything a feed or a server can cause: that is a {@link FeedResponse.Failed} or {@link
 * FeedResponse.Rejected}.
 */
public interface FeedPoller extends AutoCloseable {

    FeedResponse poll(FeedRequest request);

    @Override
    default void close() {}
}
