package dev.newsflow.query.search;

import io.vertx.core.json.JsonObject;

/**
 * One hybrid search result as the service returns it: what a reader needs to pick an article
 * (without the embedding or the full text), its highlights and why it ranks where it does.
 *
 * @param summary the article's summary, or the start of its text when it has none
 * @param highlights fragments per field with the query's words in {@code <em>}
 * @param score reciprocal rank fusion score
 * @param bm25Rank rank in the BM25 list, 1-based, or {@code null} when the words did not match
 * @param knnRank rank in the kNN list, 1-based, or {@code null} when not among the nearest
 */
public record SearchResult(
        String id,
        String title,
        String summary,
        String source,
        String url,
        String storyId,
        Double importance,
        String publishedAt,
        String author,
        String imageUrl,
        JsonObject highlights,
        double score,
        Integer bm25Rank,
        Integer knnRank) {

    /** The result for a fused document and the hit that carries its source. */
    public static SearchResult of(ArticleHit hit, RankFusion.Fused fused) {
        JsonObject s = hit.source();
        Number importance = s.getNumber("importance");
        return new SearchResult(
                hit.id(),
                s.getString("title"),
                SearchHitMapper.snippet(s.getString("summary"), s.getString("text")),
                s.getString("source"),
                s.getString("url"),
                s.getString("storyId"),
                importance == null ? null : importance.doubleValue(),
                s.getString("publishedAt"),
                s.getString("author"),
                s.getString("imageUrl"),
                hit.highlights(),
                fused.score(),
                fused.bm25Rank(),
                fused.knnRank());
    }

    public JsonObject toJson() {
        return new JsonObject()
                .put("id", id)
                .put("title", title)
                .put("summary", summary)
                .put("source", source)
                .put("url", url)
                .put("storyId", storyId)
                .put("importance", importance)
                .put("publishedAt", publishedAt)
                .put("author", author)
                .put("imageUrl", imageUrl)
                .put("highlights", highlights)
                .put(
                        "score",
                        new JsonObject()
                                .put("rrf", score)
                                .put("bm25Rank", bm25Rank)
                                .put("knnRank", knnRank));
    }
}
