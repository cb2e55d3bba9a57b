package dev.newsflow.jobs.functions.dedup;

/**
 * A band index's answer to one {@link BandProbe}: the best earlier member of the bucket at or above
 * the threshold ({@link #matchId} and its estimated Jaccard {@link #similarity}), or none ({@code
 * matchId == null}). A {@link #late} verdict is not an answer but a notice to a member that
 * overtook its original: it names the original and does not count towards the member's verdicts. A
 * Flink POJO.
 */
public class NearDuplicateVerdict {

    public String versionKey;
    public String matchId;
    public double similarity;
    public boolean late;

    public NearDuplicateVerdict() {}

    public static NearDuplicateVerdict none(String versionKey) {
        return match(versionKey, null, 0);
    }

    public static NearDuplicateVerdict match(String versionKey, String matchId, double similarity) {
        NearDuplicateVerdict v = new NearDuplicateVerdict();
        v.versionKey = versionKey;
        v.matchId = matchId;
        v.similarity = similarity;
        return v;
    }

    /** Tells the later version {@code versionKey} that it duplicates {@code originalId}. */
    public static NearDuplicateVerdict late(
            String versionKey, String originalId, double similarity) {
        NearDuplicateVerdict v = match(versionKey, originalId, similarity);
        v.late = true;
        return v;
    }

    @Override
    public String toString() {
        return versionKey
                + (late ? " (late)" : "")
                + (matchId == null ? ": none" : ": " + matchId + " @ " + similarity);
    }
}
