package dev.newsflow.query.search;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hybrid search: a BM25 and a kNN request to OpenSearch, sent concurrently, fused in the service by
 * reciprocal rank fusion ({@link RankFusion}).
 */
public final class HybridSearch {

    /** Each list brings this many candidates per result wanted (at least 20, at most 200). */
    public static int window(int k) {
        return Math.min(200, Math.max(20, 2 * k));
    }

    private final ArticleSearch search;

    public HybridSearch(ArticleSearch search) {
        this.search = search;
    }

    public Future<List<SearchResult>> search(
            String query, float[] vector, SearchFilters filters, int k) {
        int window = window(k);
        Future<List<ArticleHit>> bm25 = search.search(HybridQueries.bm25(query, filters, window));
        Future<List<ArticleHit>> knn =
                search.search(HybridQueries.knn(query, vector, filters, window));
        return Future.all(bm25, knn).map(both -> fuse(bm25.result(), knn.result(), k));
    }

    /** Fuses the two hit lists into the best {@code k} results; BM25 highlights win. */
    static List<SearchResult> fuse(List<ArticleHit> bm25, List<ArticleHit> knn, int k) {
        Map<String, ArticleHit> byId = new HashMap<>();
        knn.forEach(hit -> byId.put(hit.id(), hit));
        bm25.forEach(
                hit -> {
                    ArticleHit other = byId.get(hit.id());
                    byId.put(hit.id(), hit.highlights().isEmpty() && other != null ? other : hit);
                });
        List<RankFusion.Fused> fused =
                RankFusion.fuse(
                        bm25.stream().map(ArticleHit::id).toList(),
                        knn.stream().map(ArticleHit::id).toList(),
                        k,
                        RankFusion.DEFAULT_RANK_CONSTANT);
        List<SearchResult> results = new ArrayList<>();
        for (RankFusion.Fused f : fused) {
            results.add(SearchResult.of(byId.get(f.id()), f));
        }
        return results;
    }
}
