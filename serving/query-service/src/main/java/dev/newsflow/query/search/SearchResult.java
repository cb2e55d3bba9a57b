package dev.newsflow.query.search;

import io.vertx.core.json.JsonObject;

/**
 * One search hit as the service returns it: what a reader needs to pick an article, without the
 * embedding or the full text.
 *
 * @param summary the article's summary, or the start of its text when it has none
 * @param publishedAt ISO-8601 instant as stored, or {@code null}
 * @param score OpenSearch relevance score (for cosine kNN: {@code (1 + cosine) / 2})
 */
public record SearchResult(
        String id,
        String title,
        String url,
        String source,
        String summary,
        String publishedAt,
        double score) {

    public JsonObject toJson() {
        return new JsonObject()
                .put("id", id)
                .put("title", title)
                .put("url", url)
                .put("source", source)
                .put("summary", summary)
                .put("publishedAt", publishedAt)
                .put("score", score);
    }
}
