package dev.newsflow.jobs.functions.ingest;

/**
 * What a poller needs to fetch a feed: its URL and the validators of the last successful fetch
 * (each may be null) for a conditional GET.
 */
public record FeedRequest(String feedUrl, String etag, String lastModified) {}
