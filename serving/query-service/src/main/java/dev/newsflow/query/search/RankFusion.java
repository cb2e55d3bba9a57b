package dev.newsflow.query.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009): {@code score(d) = Σ 1 / (c + rank)}
 * over the lists that contain {@code d}, ranks from 1. Only ranks count, so BM25 scores (unbounded)
 * and cosine scores (0..1) need no normalization; {@code c = 60} damps the weight of the very top.
 */
public final class RankFusion {

    public static final int DEFAULT_RANK_CONSTANT = 60;

    /** One fused document: its id, RRF score and its rank in each list ({@code null}: absent). */
    public record Fused(String id, double score, Integer bm25Rank, Integer knnRank) {}

    private RankFusion() {}

    /**
     * Fuses two ranked id lists (best first) into the best {@code k}; ties keep BM25 order first,
     * then kNN order, so the result is deterministic.
     */
    public static List<Fused> fuse(List<String> bm25, List<String> knn, int k, int rankConstant) {
        if (k < 1 || rankConstant < 0) {
            throw new IllegalArgumentException("k must be positive and c non-negative");
        }
        Map<String, Integer> bm25Ranks = ranks(bm25);
        Map<String, Integer> knnRanks = ranks(knn);
        Map<String, Boolean> all = new LinkedHashMap<>();
        bm25Ranks.keySet().forEach(id -> all.put(id, true));
        knnRanks.keySet().forEach(id -> all.put(id, true));
        List<Fused> fused = new ArrayList<>();
        for (String id : all.keySet()) {
            Integer b = bm25Ranks.get(id);
            Integer n = knnRanks.get(id);
            double score = contribution(b, rankConstant) + contribution(n, rankConstant);
            fused.add(new Fused(id, score, b, n));
        }
        // Stable sort: equal scores keep their first-seen order.
        fused.sort(Comparator.comparingDouble(Fused::score).reversed());
        return fused.subList(0, Math.min(k, fused.size()));
    }

    private static double contribution(Integer rank, int c) {
        return rank == null ? 0.0 : 1.0 / (c + rank);
    }

    /** 1-based ranks; a repeated id keeps its best rank. */
    private static Map<String, Integer> ranks(List<String> ids) {
        Map<String, Integer> ranks = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            ranks.putIfAbsent(ids.get(i), i + 1);
        }
        return ranks;
    }
}
