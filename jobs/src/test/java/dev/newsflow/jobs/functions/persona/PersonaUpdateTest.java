package dev.newsflow.jobs.functions.persona;

import static dev.newsflow.jobs.functions.persona.PersonaEvents.COOKING;
import static dev.newsflow.jobs.functions.persona.PersonaEvents.HALF_LIFE;
import static dev.newsflow.jobs.functions.persona.PersonaEvents.POLITICS;
import static dev.newsflow.jobs.functions.persona.PersonaEvents.RULES;
import static dev.newsflow.jobs.functions.persona.PersonaEvents.SPACE;
import static dev.newsflow.jobs.functions.persona.PersonaEvents.SPORT;
import static dev.newsflow.jobs.functions.persona.PersonaEvents.T0;
import static dev.newsflow.jobs.functions.persona.PersonaEvents.USER;
import static dev.newsflow.jobs.functions.persona.PersonaEvents.applyAll;
import static dev.newsflow.jobs.functions.persona.PersonaEvents.dislike;
import static dev.newsflow.jobs.functions.persona.PersonaEvents.event;
import static dev.newsflow.jobs.functions.persona.PersonaEvents.like;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.newsflow.jobs.functions.Vectors;
import dev.newsflow.schemas.InteractionType;
import dev.newsflow.schemas.Persona;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The update rules as pure functions: Rocchio, decay, normalisation, idempotence, order. */
class PersonaUpdateTest {

    @Test
    void aLikePullsTheProfileTowardsTheArticle() {
        PersonaState state = applyAll(List.of(like("a", SPORT, T0), like("b", SPACE, T0)));

        // Equal weights at the same time: halfway between, normalised.
        float h = (float) Math.sqrt(0.5);
        assertThat(vector(state)).containsExactly(new float[] {h, h, 0, 0}, within(1e-6f));
    }

    @Test
    void anInteractionOneHalfLifeOlderCountsHalf() {
        // Given: a like now and a like one half-life later
        PersonaState state =
                applyAll(List.of(like("a", SPORT, T0), like("b", SPACE, T0.plus(HALF_LIFE))));

        // Then: 0.5 · sport + 1 · space, and the reference time is the later event's
        assertThat(state.positive()).containsExactly(new float[] {0.5f, 1, 0, 0}, within(1e-6f));
        assertThat(state.asOf()).isEqualTo(T0.plus(HALF_LIFE).toEpochMilli());
        assertThat(vector(state))
                .containsExactly(Vectors.normalized(new float[] {0.5f, 1, 0, 0}), within(1e-6f));
    }

    @Test
    void theProfileVectorIsAlwaysUnitLength() {
        Random random = new Random(7);
        List<ArticleInteraction> events = new ArrayList<>();
        InteractionType[] types = InteractionType.values();
        for (int i = 0; i < 50; i++) {
            float[] x =
                    Vectors.normalized(
                            new float[] {
                                random.nextFloat(),
                                random.nextFloat(),
                                random.nextFloat(),
                                random.nextFloat()
                            });
            events.add(
                    event(
                            "e" + i,
                            types[i % types.length],
                            "a" + i,
                            x,
                            T0.plusSeconds(3_600L * i)));
        }

        PersonaState state = applyAll(events);

        assertThat(Vectors.norm(vector(state))).isCloseTo(1.0, within(1e-6));
        Persona persona = PersonaRecords.toPersona(USER, state, RULES);
        assertThat(Vectors.norm(Vectors.toArray(persona.getNegativeVector())))
                .isCloseTo(1.0, within(1e-6));
        assertThat(persona.getInterests())
                .isNotEmpty()
                .allSatisfy(
                        i ->
                                assertThat(Vectors.norm(Vectors.toArray(i.getCentroid())))
                                        .isCloseTo(1.0, within(1e-6)));
    }

    @Test
    void aDislikePushesTheProfileAwayIntoTheNegativeProfile() {
        // Given: a like of an article between sport and politics
        float[] sportyPolitics = PersonaEvents.between(SPORT, POLITICS, 0.8);
        PersonaState liked = applyAll(List.of(like("a", sportyPolitics, T0)));

        // When: the user dislikes a politics article
        PersonaState state = PersonaUpdate.apply(liked, dislike("p", POLITICS, T0), RULES);

        // Then: the profile turned away from politics (Rocchio: positive − γ · negative) ...
        assertThat(Vectors.cosine(vector(state), POLITICS))
                .isLessThan(Vectors.cosine(vector(liked), POLITICS));
        float[] expected = Vectors.normalized(Vectors.plus(sportyPolitics, POLITICS, -0.5));
        assertThat(vector(state)).containsExactly(expected, within(1e-6f));
        // ... and politics is the negative profile; the article is rejected, never recommended
        Persona persona = PersonaRecords.toPersona(USER, state, RULES);
        assertThat(Vectors.toArray(persona.getNegativeVector()))
                .containsExactly(POLITICS, within(1e-6f));
        assertThat(persona.getRejectedArticleIds()).containsExactly("p");
        assertThat(persona.getLikedArticleIds()).containsExactly("a");
        assertThat(persona.getSeenArticleIds()).containsExactly("p", "a");
    }

    @Test
    void dislikesAloneGiveNoProfileVectorOnlyANegativeProfile() {
        Persona persona =
                PersonaRecords.toPersona(
                        USER, applyAll(List.of(dislike("p", POLITICS, T0))), RULES);

        assertThat(persona.getVector()).isEmpty();
        assertThat(persona.getInterests()).isEmpty();
        assertThat(Vectors.toArray(persona.getNegativeVector()))
                .containsExactly(POLITICS, within(1e-6f));
    }

    @Test
    void aClickPullsLessThanALike() {
        PersonaState liked = applyAll(List.of(like("a", SPORT, T0), like("b", SPACE, T0)));
        PersonaState clicked =
                applyAll(
                        List.of(
                                like("a", SPORT, T0),
                                event("c", InteractionType.CLICK, "b", SPACE, T0)));

        assertThat(Vectors.cosine(vector(clicked), SPACE))
                .isLessThan(Vectors.cosine(vector(liked), SPACE));
        assertThat(clicked.positive()).containsExactly(new float[] {1, 0.3f, 0, 0}, within(1e-6f));
        assertThat(clicked.liked()).containsExactly("a");
        assertThat(clicked.seen()).containsExactly("b", "a");
    }

    @Test
    void aHideIsAMildDislike() {
        float[] mixed = PersonaEvents.between(SPORT, POLITICS, 0.8);
        PersonaState hidden =
                applyAll(
                        List.of(
                                like("a", mixed, T0),
                                event("h", InteractionType.HIDE, "p", POLITICS, T0)));
        PersonaState disliked = applyAll(List.of(like("a", mixed, T0), dislike("p", POLITICS, T0)));

        double before = Vectors.cosine(mixed, POLITICS);
        assertThat(Vectors.cosine(vector(hidden), POLITICS))
                .isLessThan(before)
                .isGreaterThan(Vectors.cosine(vector(disliked), POLITICS));
        assertThat(hidden.rejected()).containsExactly("p");
    }

    @Test
    void theProfileDoesNotDependOnTheOrderEventsArriveIn() {
        // Given: a week of interactions on three topics, and the same events shuffled
        List<ArticleInteraction> inOrder = new ArrayList<>();
        float[][] topics = {SPORT, SPACE, COOKING};
        for (int i = 0; i < 21; i++) {
            InteractionType type = i % 5 == 4 ? InteractionType.DISLIKE : InteractionType.LIKE;
            inOrder.add(event("e" + i, type, "a" + i, topics[i % 3], T0.plusSeconds(28_800L * i)));
        }
        List<ArticleInteraction> shuffled = new ArrayList<>(inOrder);
        Collections.shuffle(shuffled, new Random(42));

        // When
        PersonaState ordered = applyAll(inOrder);
        PersonaState arrivedShuffled = applyAll(shuffled);

        // Then: the same sums as of the same reference time (the latest event time)
        assertThat(arrivedShuffled.asOf()).isEqualTo(ordered.asOf());
        assertThat(arrivedShuffled.positive()).containsExactly(ordered.positive(), within(1e-5f));
        assertThat(arrivedShuffled.negative()).containsExactly(ordered.negative(), within(1e-5f));
        assertThat(vector(arrivedShuffled)).containsExactly(vector(ordered), within(1e-5f));
        assertThat(arrivedShuffled.interactionCount()).isEqualTo(21);
        // And: the well-separated topics form the same interests
        List<Double> expected = weights(ordered);
        assertThat(expected).hasSize(3);
        assertThat(weights(arrivedShuffled))
                .hasSize(3)
                .satisfies(
                        w -> {
                            for (int i = 0; i < 3; i++) {
                                assertThat(w.get(i)).isCloseTo(expected.get(i), within(1e-5));
                            }
                        });
    }

    @Test
    void aLateEventIsAddedWithItsAgesWeightAndDoesNotMoveTheReferenceTime() {
        PersonaState state =
                applyAll(List.of(like("b", SPACE, T0.plus(HALF_LIFE)), like("a", SPORT, T0)));

        assertThat(state.asOf()).isEqualTo(T0.plus(HALF_LIFE).toEpochMilli());
        assertThat(state.positive()).containsExactly(new float[] {0.5f, 1, 0, 0}, within(1e-6f));
    }

    @Test
    void anEventIdAlreadyAppliedIsADuplicateUntilItLeavesTheWindow() {
        PersonaRules rules = RULES.withBounds(50, 100, 100, 3);
        PersonaState state = PersonaUpdate.apply(PersonaState.empty(), like("a", SPORT, T0), rules);
        String first = like("a", SPORT, T0).eventId();

        assertThat(PersonaUpdate.isDuplicate(state, first)).isTrue();
        assertThat(PersonaUpdate.isDuplicate(state, "another-event")).isFalse();

        for (int i = 1; i <= 3; i++) {
            state = PersonaUpdate.apply(state, like("x" + i, SPACE, T0.plusSeconds(i)), rules);
        }
        assertThat(state.recentEvents()).hasSize(3);
        assertThat(PersonaUpdate.isDuplicate(state, first)).as("left the window of 3").isFalse();
    }

    @Test
    void theVersionStartsAtTheFirstEventTimeAndCountsInteractions() {
        PersonaState state =
                applyAll(List.of(like("a", SPORT, T0), like("b", SPACE, T0.minusSeconds(60))));

        assertThat(state.version()).isEqualTo(T0.toEpochMilli() + 1);
        assertThat(state.interactionCount()).isEqualTo(2);
    }

    @Test
    void theArticleListsAreBoundedNewestFirst() {
        PersonaRules rules = RULES.withBounds(2, 100, 3, 256);
        PersonaState state = PersonaState.empty();
        for (int i = 1; i <= 4; i++) {
            state = PersonaUpdate.apply(state, like("a" + i, SPORT, T0.plusSeconds(i)), rules);
        }
        state = PersonaUpdate.apply(state, like("a2", SPORT, T0.plusSeconds(9)), rules);

        assertThat(state.liked()).containsExactly("a2", "a4");
        assertThat(state.seen()).containsExactly("a2", "a4", "a3");
    }

    private static float[] vector(PersonaState state) {
        return PersonaRecords.profileVector(state, RULES);
    }

    private static List<Double> weights(PersonaState state) {
        return java.util.Arrays.stream(Interests.byWeight(state.interests()))
                .map(InterestState::weight)
                .toList();
    }
}
