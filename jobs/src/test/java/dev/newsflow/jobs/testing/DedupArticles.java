package dev.newsflow.jobs.testing;

import dev.newsflow.jobs.functions.ArticleIds;
import dev.newsflow.schemas.EnrichedArticle;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Extracted articles as the dedup stages receive them: id and canonical URL from the URL, fetched
 * at a given minute.
 */
public final class DedupArticles {

    public static final Instant START = Instant.parse("2025-03-10T08:00:00Z");

    private DedupArticles() {}

    /** The page at {@code url} with {@code text}, fetched {@code minute} minutes after START. */
    public static EnrichedArticle article(String url, String text, int minute) {
        Instant fetchedAt = START.plus(Duration.ofMinutes(minute));
        return EnrichedArticle.newBuilder()
                .setId(ArticleIds.idOf(url))
                .setCrawlEventId("crawl-" + minute + "-" + url.hashCode())
                .setUrl(ArticleIds.canonicalUrl(url))
                .setSource(URI.create(url).getHost())
                .setTitle(text.substring(0, Math.min(40, text.length())).strip())
                .setText(text)
                .setEmbedding(List.of())
                .setEmbeddingModel("")
                .setFetchedAt(fetchedAt)
                .setEnrichedAt(fetchedAt)
                .build();
    }
}
