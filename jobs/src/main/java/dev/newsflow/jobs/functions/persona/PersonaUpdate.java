package dev.newsflow.jobs.functions.persona;

import dev.newsflow.jobs.functions.Vectors;

/**
 * The persona update rule: one interaction applied to a user's state (see docs/personas.md).
 *
 * <p>Rocchio with exponential time decay: likes and clicks add their article's embedding to the
 * positive sum and to the nearest interest, dislikes and hides to the negative sum, each weighted
 * by its type and by {@code 2^(-age / halfLife)}. Every sum is kept decayed to the latest event
 * time applied ({@code asOf}): a newer event first decays the whole state to its own time, an older
 * one is added with its age's factor. Both give {@code Σ w_i · 2^(-(asOf - t_i)/h) · x_i}, so the
 * profile does not depend on the order the events arrive in (up to float rounding; the interest
 * clustering, being online, can).
 *
 * <p>Idempotent: an event whose id is in the window of the latest {@link
 * PersonaRules#recentEvents()} ids is a duplicate and must not be applied ({@link #isDuplicate}).
 */
public final class PersonaUpdate {

    private PersonaUpdate() {}

    public static boolean isDuplicate(PersonaState state, String eventId) {
        return RecentIds.contains(state.recentEvents(), RecentIds.fingerprint(eventId));
    }

    /** {@code state} (possibly {@link PersonaState#empty()}) after {@code event}. */
    public static PersonaState apply(
            PersonaState state, ArticleInteraction event, PersonaRules rules) {
        long t = event.occurredAt();
        PersonaState s = state.isEmpty() ? state : decayedTo(state, t, rules);
        long asOf = state.isEmpty() ? t : s.asOf();
        double w = rules.weightOf(event.type()) * rules.decay(asOf - t);
        float[] positive = s.positive();
        float[] negative = s.negative();
        InterestState[] interests = s.interests();
        String[] liked = s.liked();
        String[] rejected = s.rejected();
        String id = event.articleId();
        switch (event.type()) {
            case LIKE, CLICK -> {
                positive = Vectors.plus(positive, event.embedding(), w);
                interests =
                        Interests.assign(
                                interests, event.embedding(), w, t, id, event.title(), rules);
            }
            case DISLIKE, HIDE -> negative = Vectors.plus(negative, event.embedding(), w);
        }
        switch (event.type()) {
            case LIKE -> liked = RecentIds.withFirst(liked, id, rules.maxLiked());
            case DISLIKE, HIDE -> rejected = RecentIds.withFirst(rejected, id, rules.maxRejected());
            case CLICK -> {}
        }
        return new PersonaState(
                asOf,
                state.isEmpty() ? Math.max(1, t) : state.version() + 1,
                state.interactionCount() + 1,
                positive,
                negative,
                interests,
                RecentIds.withLast(
                        s.recentEvents(),
                        RecentIds.fingerprint(event.eventId()),
                        rules.recentEvents()),
                liked,
                rejected,
                RecentIds.withFirst(s.seen(), id, rules.maxSeen()));
    }

    /** {@code state} with every sum decayed to {@code t}, if {@code t} is later than its asOf. */
    static PersonaState decayedTo(PersonaState state, long t, PersonaRules rules) {
        if (t <= state.asOf()) {
            return state;
        }
        double factor = rules.decay(t - state.asOf());
        return new PersonaState(
                t,
                state.version(),
                state.interactionCount(),
                Vectors.scaled(state.positive(), factor),
                Vectors.scaled(state.negative(), factor),
                Interests.decayed(state.interests(), factor),
                state.recentEvents(),
                state.liked(),
                state.rejected(),
                state.seen());
    }
}
