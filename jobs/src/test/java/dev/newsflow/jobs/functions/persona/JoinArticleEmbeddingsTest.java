package dev.newsflow.jobs.functions.persona;

import static dev.newsflow.jobs.functions.persona.PersonaEvents.SPACE;
import static dev.newsflow.jobs.functions.persona.PersonaEvents.SPORT;
import static dev.newsflow.jobs.functions.persona.PersonaEvents.article;
import static dev.newsflow.jobs.functions.persona.PersonaEvents.interaction;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.jobs.functions.DeadLetters;
import dev.newsflow.schemas.DeadLetter;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.Interaction;
import dev.newsflow.schemas.InteractionType;
import dev.newsflow.schemas.kafka.Topics;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The join of interactions with article embeddings, keyed by article id, in a test harness. */
class JoinArticleEmbeddingsTest {

    private static final Duration MAX_WAIT = Duration.ofMinutes(10);
    private static final Duration ARTICLE_TTL = Duration.ofDays(7);
    private static final int MAX_WAITING = 2;

    private KeyedTwoInputStreamOperatorTestHarness<
                    String, Interaction, EnrichedArticle, ArticleInteraction>
            harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                new KeyedTwoInputStreamOperatorTestHarness<>(
                        new KeyedCoProcessOperator<>(
                                new JoinArticleEmbeddings(ARTICLE_TTL, MAX_WAITING, MAX_WAIT)),
                        Interaction::getArticleId,
                        EnrichedArticle::getId,
                        Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void anInteractionOnAKnownArticleLeavesAtOnceWithItsEmbedding() throws Exception {
        harness.processElement2(article("a", SPORT), 0);

        harness.processElement1(interaction("e1", "a", InteractionType.LIKE), 0);

        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(
                        j -> {
                            assertThat(j.eventId()).isEqualTo("e1");
                            assertThat(j.userId()).isEqualTo(PersonaEvents.USER);
                            assertThat(j.embedding()).containsExactly(SPORT);
                            assertThat(j.title()).isEqualTo("Title a");
                        });
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void anInteractionWaitsForALateArticleAndLeavesWhenItArrives() throws Exception {
        // Given: two interactions on an article not enriched yet
        harness.setProcessingTime(1_000);
        harness.processElement1(interaction("e1", "late", InteractionType.LIKE), 0);
        harness.processElement1(interaction("e2", "late", InteractionType.CLICK), 0);
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

        // When: the article arrives within the wait
        harness.setProcessingTime(1_000 + MAX_WAIT.toMillis() - 1);
        harness.processElement2(article("late", SPACE), 0);

        // Then: both leave with its embedding; nothing waits, no timer is left, nothing is dead
        assertThat(harness.extractOutputValues())
                .extracting(ArticleInteraction::eventId)
                .containsExactly("e1", "e2");
        assertThat(harness.extractOutputValues())
                .allSatisfy(j -> assertThat(j.embedding()).containsExactly(SPACE));
        assertThat(harness.numProcessingTimeTimers()).isZero();
        assertThat(harness.numKeyedStateEntries()).as("only the article").isEqualTo(1);
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void anInteractionWhoseArticleNeverArrivesIsDeadLetteredAfterTheWait() throws Exception {
        harness.setProcessingTime(0);
        harness.processElement1(interaction("e1", "never", InteractionType.LIKE), 0);
        harness.setProcessingTime(60_000);
        harness.processElement1(interaction("e2", "never", InteractionType.LIKE), 0);

        // When: the first one's wait is over
        harness.setProcessingTime(MAX_WAIT.toMillis());

        // Then: it is dead-lettered with the reason; the second one still waits
        assertThat(deadLetters())
                .singleElement()
                .satisfies(
                        d -> {
                            assertThat(d.getReason())
                                    .isEqualTo("article never not enriched within 10 min");
                            assertThat(d.getStage()).isEqualTo(JoinArticleEmbeddings.STAGE);
                            assertThat(d.getSourceTopic()).isEqualTo(Topics.INTERACTIONS.name());
                            assertThat(decoded(d).getEventId()).isEqualTo("e1");
                        });
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

        // And: when the second one's wait is over too, nothing is left in state
        harness.setProcessingTime(60_000 + MAX_WAIT.toMillis());
        assertThat(deadLetters()).hasSize(2);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void beyondTheBoundOfWaitingInteractionsTheNextIsDeadLetteredAtOnce() throws Exception {
        harness.processElement1(interaction("e1", "busy", InteractionType.LIKE), 0);
        harness.processElement1(interaction("e2", "busy", InteractionType.LIKE), 0);

        harness.processElement1(interaction("e3", "busy", InteractionType.LIKE), 0);

        assertThat(deadLetters())
                .singleElement()
                .satisfies(
                        d -> {
                            assertThat(d.getReason())
                                    .isEqualTo(
                                            "article busy not enriched: 2 interactions already"
                                                    + " waiting");
                            assertThat(decoded(d).getEventId()).isEqualTo("e3");
                        });
    }

    @Test
    void anArticleIsForgottenAfterItsTtlAndLaterInteractionsWaitAgain() throws Exception {
        harness.setStateTtlProcessingTime(0);
        harness.processElement2(article("old", SPORT), 0);

        harness.setStateTtlProcessingTime(ARTICLE_TTL.toMillis() + 1);
        harness.processElement1(interaction("e1", "old", InteractionType.LIKE), 0);

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.numProcessingTimeTimers()).as("waiting").isEqualTo(1);
    }

    @Test
    void aNewerVersionOfAnArticleReplacesItsEmbedding() throws Exception {
        harness.processElement2(article("a", SPORT), 0);
        harness.processElement2(article("a", SPACE), 0);

        harness.processElement1(interaction("e1", "a", InteractionType.LIKE), 0);

        assertThat(harness.extractOutputValues().get(0).embedding()).containsExactly(SPACE);
    }

    private List<DeadLetter> deadLetters() {
        var queue = harness.getSideOutput(DeadLetters.TAG);
        return queue == null ? List.of() : queue.stream().map(StreamRecord::getValue).toList();
    }

    private static Interaction decoded(DeadLetter d) {
        ByteBuffer payload = d.getPayload();
        byte[] bytes = new byte[payload.remaining()];
        payload.duplicate().get(bytes);
        return Topics.INTERACTIONS.valueSerde().deserializer().deserialize("t", bytes);
    }
}
