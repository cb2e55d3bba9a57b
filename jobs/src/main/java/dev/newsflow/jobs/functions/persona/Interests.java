package dev.newsflow.jobs.functions.persona;

import dev.newsflow.jobs.functions.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Online clustering of the articles a user liked or clicked into at most k interests: an article
 * joins the interest whose centroid is nearest if their cosine reaches the threshold, and starts a
 * new interest otherwise; over k, the weakest interest merges into its nearest neighbour if they
 * are similar enough, or is dropped. Pure functions over arrays of {@link InterestState}.
 */
public final class Interests {

    private Interests() {}

    /** Every interest scaled by {@code factor} (time decay). */
    static InterestState[] decayed(InterestState[] interests, double factor) {
        return Arrays.stream(interests).map(i -> i.decayed(factor)).toArray(InterestState[]::new);
    }

    /** The interests after one positive interaction of (already decayed) weight {@code w}. */
    public static InterestState[] assign(
            InterestState[] interests,
            float[] embedding,
            double w,
            long at,
            String articleId,
            String title,
            PersonaRules rules) {
        int nearest = nearest(interests, embedding, -1);
        List<InterestState> next = new ArrayList<>(Arrays.asList(interests));
        if (nearest >= 0
                && Vectors.cosine(interests[nearest].sum(), embedding)
                        >= rules.interestSimilarity()) {
            next.set(nearest, interests[nearest].plus(embedding, w, at, articleId, title));
        } else {
            next.add(InterestState.of(embedding, w, at, articleId, title));
        }
        while (next.size() > rules.maxInterests()) {
            next = shrunk(next, rules.mergeSimilarity());
        }
        return next.toArray(InterestState[]::new);
    }

    /** One interest fewer: the weakest merged into its nearest neighbour, or dropped. */
    static List<InterestState> shrunk(List<InterestState> interests, double mergeSimilarity) {
        InterestState[] all = interests.toArray(InterestState[]::new);
        int weakest = weakest(all);
        int nearest = nearest(all, all[weakest].sum(), weakest);
        List<InterestState> next = new ArrayList<>(interests);
        if (nearest >= 0
                && Vectors.cosine(all[weakest].sum(), all[nearest].sum()) >= mergeSimilarity) {
            next.set(nearest, all[nearest].merged(all[weakest]));
        }
        next.remove(weakest);
        return next;
    }

    /** Strongest first (the order personas publish them in). */
    public static InterestState[] byWeight(InterestState[] interests) {
        return Arrays.stream(interests)
                .sorted(Comparator.comparingDouble(InterestState::weight).reversed())
                .toArray(InterestState[]::new);
    }

    /** Index of the lowest weight; among equals, the least recently updated. */
    private static int weakest(InterestState[] interests) {
        int weakest = 0;
        for (int i = 1; i < interests.length; i++) {
            InterestState a = interests[i];
            InterestState b = interests[weakest];
            if (a.weight() < b.weight()
                    || (a.weight() == b.weight() && a.lastUpdated() < b.lastUpdated())) {
                weakest = i;
            }
        }
        return weakest;
    }

    /** Index of the interest nearest to {@code vector} by cosine, skipping {@code except}. */
    private static int nearest(InterestState[] interests, float[] vector, int except) {
        int best = -1;
        double bestCosine = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < interests.length; i++) {
            double c = Vectors.cosine(interests[i].sum(), vector);
            if (i != except && c > bestCosine) {
                best = i;
                bestCosine = c;
            }
        }
        return best;
    }
}
