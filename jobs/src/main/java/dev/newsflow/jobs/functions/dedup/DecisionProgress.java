package dev.newsflow.jobs.functions.dedup;

/**
 * What the decision stage knows about one article version so far: how many band verdicts arrived,
 * the best match among them, and when its safety timer fires. A Flink POJO kept in keyed state.
 */
public class DecisionProgress {

    public int verdicts;
    public String bestMatchId;
    public double bestSimilarity;
    public long deadline;

    public DecisionProgress() {}

    public static DecisionProgress until(long deadline) {
        DecisionProgress p = new DecisionProgress();
        p.deadline = deadline;
        return p;
    }

    /**
     * Counts the verdict (unless it is a late notice) and keeps the better match: the higher
     * similarity, then the smaller id, so that the outcome does not depend on the order in which
     * the bands answered.
     */
    public void record(NearDuplicateVerdict verdict) {
        if (!verdict.late) {
            verdicts++;
        }
        if (verdict.matchId == null) {
            return;
        }
        if (bestMatchId == null
                || verdict.similarity > bestSimilarity
                || (verdict.similarity == bestSimilarity
                        && verdict.matchId.compareTo(bestMatchId) < 0)) {
            bestMatchId = verdict.matchId;
            bestSimilarity = verdict.similarity;
        }
    }

    public boolean isDuplicate() {
        return bestMatchId != null;
    }
}
