package dev.newsflow.jobs.functions.dedup;

import dev.newsflow.schemas.EnrichedArticle;

/** The keys the dedup stages partition articles by. */
public final class DedupKeys {

    private DedupKeys() {}

    /** Stage "same URL": the article id (the hash of the canonical URL). */
    public static String articleId(EnrichedArticle article) {
        return article.getId();
    }

    /** Stage "same content": the content hash, computed here if no earlier stage set it. */
    public static String contentHash(EnrichedArticle article) {
        String hash = article.getContentHash();
        return hash != null ? hash : ContentHashes.of(article.getText());
    }

    /**
     * Near-duplicate decision: one version of an article (id, fetch time, crawl event), so that two
     * versions of the same page in flight at once are decided separately.
     */
    public static String version(EnrichedArticle article) {
        return version(
                article.getId(), article.getFetchedAt().toEpochMilli(), article.getCrawlEventId());
    }

    static String version(String articleId, long fetchedAt, String crawlEventId) {
        return articleId + '@' + fetchedAt + '/' + (crawlEventId == null ? "" : crawlEventId);
    }
}
