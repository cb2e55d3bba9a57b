package dev.newsflow.jobs.functions.persona;

import dev.newsflow.jobs.functions.Vectors;
import dev.newsflow.schemas.Interest;
import dev.newsflow.schemas.Persona;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Turns a user's {@link PersonaState} into the published {@link Persona} record. */
public final class PersonaRecords {

    private PersonaRecords() {}

    public static Persona toPersona(String userId, PersonaState state, PersonaRules rules) {
        float[] negative = Vectors.normalized(state.negative());
        return Persona.newBuilder()
                .setUserId(userId)
                .setVector(Vectors.toList(profileVector(state, rules)))
                .setNegativeVector(negative.length == 0 ? null : Vectors.toList(negative))
                .setInteractionCount(state.interactionCount())
                .setVersion(state.version())
                .setUpdatedAt(Instant.ofEpochMilli(state.asOf()))
                .setInterests(
                        Arrays.stream(Interests.byWeight(state.interests()))
                                .map(PersonaRecords::toInterest)
                                .toList())
                .setLikedArticleIds(List.of(state.liked()))
                .setRejectedArticleIds(List.of(state.rejected()))
                .setSeenArticleIds(List.of(state.seen()))
                .build();
    }

    /**
     * Rocchio: {@code normalize(positive - γ · negative)}; empty while there is no positive
     * evidence, because "away from what I dislike" is no direction to search in.
     */
    public static float[] profileVector(PersonaState state, PersonaRules rules) {
        if (Vectors.norm(state.positive()) < Vectors.EPSILON) {
            return new float[0];
        }
        if (state.negative().length == 0) {
            return Vectors.normalized(state.positive());
        }
        return Vectors.normalized(
                Vectors.plus(state.positive(), state.negative(), -rules.negativeShare()));
    }

    static Interest toInterest(InterestState i) {
        return Interest.newBuilder()
                .setCentroid(Vectors.toList(i.centroid()))
                .setWeight(i.weight())
                .setCount(i.count())
                .setLastUpdated(Instant.ofEpochMilli(i.lastUpdated()))
                .setArticleId(i.articleId())
                .setTitle(i.title())
                .build();
    }
}
