package dev.newsflow.jobs.functions.dedup;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When an article is a near-duplicate: it meets an earlier article in an LSH band bucket and their
 * estimated Jaccard similarity is at least {@code threshold}. The band index applies {@link
 * #bestEarlier} and {@link #laterDuplicates} to the members of one bucket; the benchmark applies
 * {@link #matches} to pairs.
 */
public record NearDuplicateRule(LshBands bands, double threshold) implements Serializable {

    /** A bucket member that matched, and how similar it is. */
    public record Match(BandProbe member, double similarity) {}

    /** Whether {@code later} is a near-duplicate of {@code earlier}. */
    public boolean matches(int[] earlier, int[] later) {
        return bands.shareBucket(earlier, later) && MinHash.similarity(earlier, later) >= threshold;
    }

    /**
     * Among the members of the probe's bucket, the one the probe duplicates: an earlier version of
     * another article, at or above the threshold, the most similar first, then the earliest. Later
     * members never match, so that of two racing copies the earlier one always survives.
     */
    public Optional<Match> bestEarlier(BandProbe probe, Iterable<BandProbe> members) {
        Match best = null;
        for (BandProbe member : members) {
            if (!member.isEarlierThan(probe)) {
                continue;
            }
            Match match = similar(probe, member);
            if (match != null
                    && (best == null
                            || match.similarity() > best.similarity()
                            || (match.similarity() == best.similarity()
                                    && member.isEarlierThan(best.member())))) {
                best = match;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The members that came into the bucket before the probe but are later in the order key and
     * duplicate it: copies that overtook their original on the way to this band.
     */
    public List<Match> laterDuplicates(BandProbe probe, Iterable<BandProbe> members) {
        List<Match> later = new ArrayList<>();
        for (BandProbe member : members) {
            if (probe.isEarlierThan(member)) {
                Match match = similar(probe, member);
                if (match != null) {
                    later.add(match);
                }
            }
        }
        return later;
    }

    private Match similar(BandProbe probe, BandProbe member) {
        if (member.articleId.equals(probe.articleId)) {
            return null; // another version of the same page is an update, not a copy
        }
        double similarity = MinHash.similarity(member.signature, probe.signature);
        return similarity >= threshold ? new Match(member, similarity) : null;
    }
}
