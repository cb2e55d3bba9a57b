package dev.newsflow.jobs.functions.ingest;

import java.io.Serializable;

/** A feed to poll and the publisher name its articles are attributed to. */
public record FeedSeed(String feedUrl, String source) implements Serializable {

    /** A feed attributed to {@code source}, or to its host when {@code source} is blank. */
    public static FeedSeed of(String feedUrl, String source) {
        String url = feedUrl.trim();
        return new FeedSeed(
                url, source == null || source.isBlank() ? ItemKeys.host(url) : source.trim());
    }
}
