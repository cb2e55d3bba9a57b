package dev.newsflow.jobs.functions.fetch;

/** What is being fetched; decides which content types {@link FetchPolicy} accepts. */
public enum FetchKind {
    /** An RSS, Atom or RDF feed polled by the feed ingestion job. */
    FEED,
    /** An article page fetched for extraction. */
    PAGE
}
