package dev.newsflow.query.feed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maximal marginal relevance (Carbonell and Goldstein, 1998) with the feed's hard caps: greedily
 * picks the candidate with the highest
 *
 * <pre>
 * mmr(d) = λ · score(d) − (1 − λ) · max over the picked p of cos(d, p)
 * </pre>
 *
 * skipping a candidate whose story is already in the feed (one article per story) or whose source
 * already has {@code perSourceCap} articles on the page. Articles of earlier pages count as picked
 * for the similarity and the stories (not for the per-page source cap), so page N+1 continues the
 * same greedy sequence.
 */
public final class Mmr {

    /** A picked article and its marginal relevance when it was picked. */
    public record Pick(FeedRanker.Scored scored, double mmr) {}

    private Mmr() {}

    /**
     * @param ranked candidates, best score first (ties broken the same way on every call)
     * @param earlier articles of earlier pages that are still candidates, or were
     */
    public static List<Pick> select(
            List<FeedRanker.Scored> ranked,
            List<Candidate> earlier,
            int limit,
            double lambda,
            int perSourceCap) {
        List<float[]> picked = new ArrayList<>();
        Set<String> stories = new HashSet<>();
        for (Candidate c : earlier) {
            if (c.embedding() != null) {
                picked.add(c.embedding());
            }
            stories.add(c.storyKey());
        }
        Map<String, Integer> perSource = new HashMap<>();
        // The highest similarity of each remaining candidate to anything picked, kept up to date
        // incrementally: O(limit · candidates) cosines instead of O(limit · candidates · picked).
        double[] maxSim = new double[ranked.size()];
        for (int i = 0; i < ranked.size(); i++) {
            maxSim[i] = maxSimilarity(ranked.get(i).candidate(), picked);
        }
        boolean[] done = new boolean[ranked.size()];
        List<Pick> picks = new ArrayList<>();
        while (picks.size() < limit) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < ranked.size(); i++) {
                Candidate c = ranked.get(i).candidate();
                if (done[i]
                        || stories.contains(c.storyKey())
                        || perSource.getOrDefault(c.source(), 0) >= perSourceCap) {
                    continue;
                }
                double value = lambda * ranked.get(i).score() - (1 - lambda) * maxSim[i];
                // Strictly greater: among equals the earlier (better ranked) candidate wins.
                if (value > bestValue) {
                    best = i;
                    bestValue = value;
                }
            }
            if (best < 0) {
                break;
            }
            done[best] = true;
            Candidate chosen = ranked.get(best).candidate();
            picks.add(new Pick(ranked.get(best), bestValue));
            stories.add(chosen.storyKey());
            perSource.merge(chosen.source(), 1, Integer::sum);
            for (int i = 0; i < ranked.size(); i++) {
                if (!done[i]) {
                    maxSim[i] =
                            Math.max(
                                    maxSim[i],
                                    FeedVectors.cosine(
                                            ranked.get(i).candidate().embedding(),
                                            chosen.embedding()));
                }
            }
        }
        return picks;
    }

    private static double maxSimilarity(Candidate c, List<float[]> picked) {
        double max = 0;
        for (float[] p : picked) {
            max = Math.max(max, FeedVectors.cosine(c.embedding(), p));
        }
        return max;
    }
}
