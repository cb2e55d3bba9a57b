package dev.newsflow.benchmarks.dedup;

import dev.newsflow.jobs.config.DedupConfig;
import dev.newsflow.jobs.functions.dedup.DedupText;
import dev.newsflow.jobs.functions.dedup.LshBands;
import dev.newsflow.jobs.functions.dedup.MinHash;
import dev.newsflow.jobs.functions.dedup.NearDuplicateRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores one MinHash/LSH setting on an {@link EvaluationSet} with the job's own functions: {@link
 * MinHash#signature} for every text and {@link NearDuplicateRule#matches} (shared band bucket and
 * estimated Jaccard at or above the threshold) for every pair.
 */
final class NearDuplicateEvaluation {

    private NearDuplicateEvaluation() {}

    /** The parameters under evaluation. */
    record Setting(int shingleWords, int numHashes, int bands, int rows, double threshold) {

        static Setting of(DedupConfig config) {
            return new Setting(
                    config.shingleWords(),
                    config.numHashes(),
                    config.bands(),
                    config.rows(),
                    config.threshold());
        }

        MinHash minHash() {
            return new MinHash(numHashes, shingleWords);
        }

        NearDuplicateRule rule() {
            return new NearDuplicateRule(new LshBands(bands, rows), threshold);
        }

        Setting with(int newBands, int newRows, double newThreshold) {
            return new Setting(shingleWords, numHashes, newBands, newRows, newThreshold);
        }
    }

    /** The outcome for the pairs of one kind. {@code meanTrue} is NaN where not computed. */
    record KindResult(
            String kind,
            boolean duplicate,
            int pairs,
            int predicted,
            double meanEstimate,
            double maxEstimate,
            double meanTrue) {}

    /** The outcome of one setting, kind by kind. */
    record Result(Setting setting, List<KindResult> kinds) {

        Scores overall() {
            long tp = 0;
            long fn = 0;
            for (KindResult k : kinds) {
                tp += k.duplicate() ? k.predicted() : 0;
                fn += k.duplicate() ? k.pairs() - k.predicted() : 0;
            }
            return new Scores(tp, falsePositives(), fn);
        }

        /** One alteration's pairs against all negatives. */
        Scores of(KindResult kind) {
            return new Scores(kind.predicted(), falsePositives(), kind.pairs() - kind.predicted());
        }

        long falsePositives() {
            return kinds.stream()
                    .filter(k -> !k.duplicate())
                    .mapToLong(KindResult::predicted)
                    .sum();
        }

        /** The highest estimated similarity of any pair of distinct articles: the margin. */
        double maxNegativeEstimate() {
            return kinds.stream()
                    .filter(k -> !k.duplicate())
                    .mapToDouble(KindResult::maxEstimate)
                    .max()
                    .orElse(0);
        }

        double worstRecall() {
            return kinds.stream()
                    .filter(KindResult::duplicate)
                    .mapToDouble(k -> (double) k.predicted() / k.pairs())
                    .min()
                    .orElse(1);
        }
    }

    /** The signature of every text, by identity. */
    static Map<String, int[]> signatures(List<String> texts, MinHash minHash) {
        Map<String, int[]> signatures = new IdentityHashMap<>();
        for (String text : texts) {
            signatures.put(text, minHash.signature(text));
        }
        return signatures;
    }

    /**
     * Scores the setting; {@code signatures} must come from its MinHash. With {@code exact}, also
     * the mean exact Jaccard similarity of the duplicate pairs' shingle sets.
     */
    static Result evaluate(
            EvaluationSet set, Setting setting, Map<String, int[]> signatures, boolean exact) {
        NearDuplicateRule rule = setting.rule();
        MinHash minHash = setting.minHash();
        // per kind: pairs, predicted, sum and max of the estimate, sum of the exact similarity
        Map<String, double[]> sums = new LinkedHashMap<>();
        Map<String, Boolean> labels = new LinkedHashMap<>();
        for (EvaluationSet.Pair pair : set.pairs()) {
            int[] earlier = signatures.get(pair.earlier());
            int[] later = signatures.get(pair.later());
            double[] s = sums.computeIfAbsent(pair.kind(), k -> new double[5]);
            labels.put(pair.kind(), pair.duplicate());
            double estimate = MinHash.similarity(earlier, later);
            s[0]++;
            s[1] += rule.matches(earlier, later) ? 1 : 0;
            s[2] += estimate;
            s[3] = Math.max(s[3], estimate);
            s[4] += exact && pair.duplicate() ? exactJaccard(minHash, pair) : 0;
        }
        List<KindResult> kinds = new ArrayList<>();
        sums.forEach(
                (kind, s) ->
                        kinds.add(
                                new KindResult(
                                        kind,
                                        labels.get(kind),
                                        (int) s[0],
                                        (int) s[1],
                                        s[2] / s[0],
                                        s[3],
                                        exact && labels.get(kind) ? s[4] / s[0] : Double.NaN)));
        return new Result(setting, kinds);
    }

    static double exactJaccard(MinHash minHash, EvaluationSet.Pair pair) {
        return EvaluationSet.jaccard(
                shingles(minHash, pair.earlier()), shingles(minHash, pair.later()));
    }

    private static Set<Long> shingles(MinHash minHash, String text) {
        Set<Long> set = new HashSet<>();
        for (long h : minHash.shingleHashes(DedupText.normalize(text))) {
            set.add(h);
        }
        return set;
    }
}
