package dev.newsflow.jobs.functions.stories;

import dev.newsflow.schemas.EnrichedArticle;
import java.time.Instant;

/**
 * The clock of story clustering is the articles' own times, never the wall clock, so that a replay
 * assigns every article to the same story.
 */
public final class ArticleTimes {

    private ArticleTimes() {}

    /**
     * When the article's news happened as far as we know: its publication time, or its fetch time
     * when that is unknown or later (a publication time in the future is a feed error).
     */
    public static long eventTime(EnrichedArticle article) {
        Instant fetched = article.getFetchedAt();
        Instant published = article.getPublishedAt();
        return published == null || published.isAfter(fetched)
                ? fetched.toEpochMilli()
                : published.toEpochMilli();
    }
}
