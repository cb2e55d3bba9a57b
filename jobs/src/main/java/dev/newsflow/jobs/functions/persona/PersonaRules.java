package dev.newsflow.jobs.functions.persona;

import dev.newsflow.schemas.InteractionType;
import java.io.Serializable;
import java.time.Duration;

/**
 * How interactions move a persona (see docs/personas.md): the weight of each interaction type, the
 * half-life of its influence, the share of the negative profile Rocchio subtracts, the
 * multi-interest clustering thresholds, and the bounds of the lists kept per user.
 *
 * @param halfLife after this much event time an interaction counts half
 * @param negativeShare γ in {@code vector = normalize(positive - γ · negative)}
 * @param maxInterests k: interest clusters kept per user
 * @param interestSimilarity cosine at or above which a liked article joins its nearest interest
 * @param mergeSimilarity when over k, the weakest interest merges into its nearest at or above this
 *     cosine, or is dropped
 * @param recentEvents event ids remembered per user to ignore duplicates
 */
public record PersonaRules(
        Duration halfLife,
        double likeWeight,
        double clickWeight,
        double dislikeWeight,
        double hideWeight,
        double negativeShare,
        int maxInterests,
        double interestSimilarity,
        double mergeSimilarity,
        int maxLiked,
        int maxRejected,
        int maxSeen,
        int recentEvents)
        implements Serializable {

    public PersonaRules {
        if (halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("half-life must be positive: " + halfLife);
        }
        if (likeWeight <= 0 || clickWeight <= 0 || dislikeWeight <= 0 || hideWeight <= 0) {
            throw new IllegalArgumentException("interaction weights must be positive");
        }
        if (negativeShare < 0 || negativeShare > 1) {
            throw new IllegalArgumentException(
                    "negative share must be in [0, 1]: " + negativeShare);
        }
        if (maxInterests < 1 || maxLiked < 0 || maxRejected < 0 || maxSeen < 0) {
            throw new IllegalArgumentException("need max interests >= 1 and list bounds >= 0");
        }
        if (recentEvents < 1) {
            throw new IllegalArgumentException("recent events must be >= 1: " + recentEvents);
        }
        if (!(mergeSimilarity <= interestSimilarity && interestSimilarity <= 1)) {
            throw new IllegalArgumentException(
                    "need merge similarity <= interest similarity <= 1, got "
                            + mergeSimilarity
                            + " and "
                            + interestSimilarity);
        }
    }

    /** The defaults documented in docs/personas.md. */
    public static PersonaRules defaults() {
        return new PersonaRules(
                Duration.ofDays(14), 1.0, 0.3, 1.0, 0.5, 0.5, 5, 0.35, 0.2, 50, 100, 100, 256);
    }

    /** How much one interaction of {@code type} counts, before decay. */
    public double weightOf(InteractionType type) {
        return switch (type) {
            case LIKE -> likeWeight;
            case CLICK -> clickWeight;
            case DISLIKE -> dislikeWeight;
            case HIDE -> hideWeight;
        };
    }

    /** The factor {@code 2^(-age / halfLife)} that an interaction {@code ageMillis} old keeps. */
    public double decay(long ageMillis) {
        return Math.pow(0.5, (double) ageMillis / halfLife.toMillis());
    }

    public PersonaRules withHalfLife(Duration value) {
        return new PersonaRules(
                value,
                likeWeight,
                clickWeight,
                dislikeWeight,
                hideWeight,
                negativeShare,
                maxInterests,
                interestSimilarity,
                mergeSimilarity,
                maxLiked,
                maxRejected,
                maxSeen,
                recentEvents);
    }

    public PersonaRules withInterests(int max, double similarity, double merge) {
        return new PersonaRules(
                halfLife,
                likeWeight,
                clickWeight,
                dislikeWeight,
                hideWeight,
                negativeShare,
                max,
                similarity,
                merge,
                maxLiked,
                maxRejected,
                maxSeen,
                recentEvents);
    }

    public PersonaRules withBounds(int liked, int rejected, int seen, int events) {
        return new PersonaRules(
                halfLife,
                likeWeight,
                clickWeight,
                dislikeWeight,
                hideWeight,
                negativeShare,
                maxInterests,
                interestSimilarity,
                mergeSimilarity,
                liked,
                rejected,
                seen,
                events);
    }
}
