package dev.newsflow.jobs.functions.persona;

import static dev.newsflow.jobs.functions.persona.PersonaEvents.HALF_LIFE;
import static dev.newsflow.jobs.functions.persona.PersonaEvents.POLITICS;
import static dev.newsflow.jobs.functions.persona.PersonaEvents.RULES;
import static dev.newsflow.jobs.functions.persona.PersonaEvents.SPACE;
import static dev.newsflow.jobs.functions.persona.PersonaEvents.SPORT;
import static dev.newsflow.jobs.functions.persona.PersonaEvents.T0;
import static dev.newsflow.jobs.functions.persona.PersonaEvents.USER;
import static dev.newsflow.jobs.functions.persona.PersonaEvents.dislike;
import static dev.newsflow.jobs.functions.persona.PersonaEvents.like;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.newsflow.jobs.functions.Vectors;
import dev.newsflow.schemas.Persona;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The persona update as Flink runs it: keyed by user, state in a test harness. */
class UpdatePersonaTest {

    private static final Duration USER_TTL = Duration.ofDays(30);

    private KeyedOneInputStreamOperatorTestHarness<String, ArticleInteraction, Persona> harness;

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void everyAppliedInteractionEmitsTheNextVersionOfTheNormalisedDecayedProfile()
            throws Exception {
        harness = open(null);

        harness.processElement(like("a", SPORT, T0), 0);
        harness.processElement(like("b", SPACE, T0.plus(HALF_LIFE)), 0);
        harness.processElement(dislike("p", POLITICS, T0.plus(HALF_LIFE)), 0);

        List<Persona> personas = harness.extractOutputValues();
        assertThat(personas)
                .extracting(Persona::getVersion)
                .containsExactly(T0.toEpochMilli(), T0.toEpochMilli() + 1, T0.toEpochMilli() + 2);
        Persona last = personas.get(2);
        assertThat(last.getUserId()).isEqualTo(USER);
        assertThat(last.getUpdatedAt()).isEqualTo(T0.plus(HALF_LIFE));
        // 0.5 · sport + space − 0.5 · politics, normalised
        assertThat(Vectors.toArray(last.getVector()))
                .containsExactly(
                        Vectors.normalized(new float[] {0.5f, 1, -0.5f, 0}), within(1e-6f));
        // Sport and space are two interests, space (undecayed) first
        assertThat(last.getInterests()).extracting(i -> i.getArticleId()).containsExactly("b", "a");
        assertThat(last.getInterests().get(0).getWeight()).isCloseTo(1.0, within(1e-9));
        assertThat(last.getInterests().get(1).getWeight()).isCloseTo(0.5, within(1e-9));
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
    }

    @Test
    void aDuplicateEventChangesNothingAndEmitsNothingEvenAfterARestore() throws Exception {
        // Given: a like applied, and the operator restored from a snapshot taken after it
        harness = open(null);
        ArticleInteraction first = like("a", SPORT, T0);
        harness.processElement(first, 0);
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();
        harness = open(snapshot);

        // When: the same event is delivered again, and then a new one
        harness.processElement(first, 0);
        harness.processElement(like("b", SPACE, T0.plusSeconds(1)), 0);

        // Then: only the new one was applied
        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.getVersion()).isEqualTo(T0.toEpochMilli() + 1);
                            assertThat(p.getInteractionCount()).isEqualTo(2);
                        });
    }

    @Test
    void anOutOfOrderEventGivesTheSameProfileAsInOrder() throws Exception {
        harness = open(null);
        harness.processElement(like("b", SPACE, T0.plus(HALF_LIFE)), 0);
        harness.processElement(like("a", SPORT, T0), 0);

        Persona last = harness.extractOutputValues().get(1);

        // The later event is the reference time; the older one counts half
        assertThat(last.getUpdatedAt()).isEqualTo(T0.plus(HALF_LIFE));
        assertThat(Vectors.toArray(last.getVector()))
                .containsExactly(Vectors.normalized(new float[] {0.5f, 1, 0, 0}), within(1e-6f));
    }

    @Test
    void anInactiveUsersStateExpiresAndIsCleanedUp() throws Exception {
        // Given: a user who interacted at processing time 0
        harness = open(null);
        harness.setStateTtlProcessingTime(0);
        harness.processElement(like("a", SPORT, T0), 0);

        // When: the TTL passes without an interaction, and the state is snapshotted
        harness.setStateTtlProcessingTime(USER_TTL.toMillis() + 1);
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();
        harness = open(snapshot);

        // Then: the expired entry did not survive the snapshot
        assertThat(harness.numKeyedStateEntries()).isZero();

        // And: a returning user starts a new profile whose version still supersedes the old one
        Instant back = T0.plus(Duration.ofDays(40));
        harness.processElement(like("b", SPACE, back), 0);
        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.getInteractionCount()).isEqualTo(1);
                            assertThat(p.getVersion()).isEqualTo(back.toEpochMilli());
                            assertThat(p.getVersion()).isGreaterThan(T0.toEpochMilli());
                        });
    }

    @Test
    void anExpiredStateIsNotReadEvenBeforeItIsCleanedUp() throws Exception {
        harness = open(null);
        harness.setStateTtlProcessingTime(0);
        harness.processElement(like("a", SPORT, T0), 0);

        harness.setStateTtlProcessingTime(USER_TTL.toMillis() + 1);
        harness.processElement(like("b", SPACE, T0.plusSeconds(5)), 0);

        assertThat(harness.extractOutputValues().get(1).getInteractionCount()).isEqualTo(1);
    }

    @Test
    void theStateIsSerializedAsAPojoWithoutKryo() {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(PersonaState.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(InterestState.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(ArticleInteraction.class);
    }

    private KeyedOneInputStreamOperatorTestHarness<String, ArticleInteraction, Persona> open(
            OperatorSubtaskState restore) throws Exception {
        var h =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new UpdatePersona(RULES, USER_TTL)),
                        ArticleInteraction::userId,
                        Types.STRING);
        if (restore != null) {
            h.initializeState(restore);
        }
        h.open();
        return h;
    }
}
