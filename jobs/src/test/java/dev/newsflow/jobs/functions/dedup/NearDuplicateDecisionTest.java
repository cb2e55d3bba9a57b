package dev.newsflow.jobs.functions.dedup;

import static dev.newsflow.jobs.testing.DedupArticles.article;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.jobs.functions.Duplicates;
import dev.newsflow.jobs.testing.NewsTexts;
import dev.newsflow.schemas.DuplicateArticle;
import dev.newsflow.schemas.DuplicateKind;
import dev.newsflow.schemas.EnrichedArticle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class NearDuplicateDecisionTest {

    static final int BANDS = 3;
    static final Duration TIMEOUT = Duration.ofMinutes(5);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-10T09:00:00Z"), ZoneOffset.UTC);

    static final EnrichedArticle COPY =
            article("https://copies.example/comet", NewsTexts.withBoilerplate(NewsTexts.COMET), 7);
    static final String KEY = DedupKeys.version(COPY);

    private static KeyedTwoInputStreamOperatorTestHarness<
                    String, EnrichedArticle, NearDuplicateVerdict, EnrichedArticle>
            harness() throws Exception {
        var harness =
                ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
                        new NearDuplicateDecision(BANDS, TIMEOUT, CLOCK),
                        DedupKeys::version,
                        (NearDuplicateVerdict v) -> v.versionKey,
                        Types.STRING);
        harness.setProcessingTime(0);
        return harness;
    }

    private static DuplicateArticle onlyDuplicate(
            KeyedTwoInputStreamOperatorTestHarness<?, ?, ?, ?> harness) {
        assertThat(harness.getSideOutput(Duplicates.TAG)).hasSize(1);
        return harness.getSideOutput(Duplicates.TAG).peek().getValue();
    }

    private static void assertStateCleared(KeyedTwoInputStreamOperatorTestHarness<?, ?, ?, ?> h) {
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numProcessingTimeTimers()).isZero();
    }

    @Test
    void anArticleWithoutMatchesPassesOnceEveryBandHasAnswered() throws Exception {
        try (var harness = harness()) {
            harness.processElement1(COPY, 0);
            harness.processElement2(NearDuplicateVerdict.none(KEY), 0);
            harness.processElement2(NearDuplicateVerdict.none(KEY), 0);
            assertThat(harness.extractOutputValues()).isEmpty();
            assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

            harness.processElement2(NearDuplicateVerdict.none(KEY), 0);

            assertThat(harness.extractOutputValues()).containsExactly(COPY);
            assertThat(harness.getSideOutput(Duplicates.TAG)).isNull();
            assertStateCleared(harness);
        }
    }

    @Test
    void verdictsMayComeFirstAndTheBestMatchWins() throws Exception {
        try (var harness = harness()) {
            harness.processElement2(NearDuplicateVerdict.match(KEY, "weaker", 0.6), 0);
            harness.processElement2(NearDuplicateVerdict.match(KEY, "stronger", 0.8), 0);
            harness.processElement1(COPY, 0);
            harness.processElement2(NearDuplicateVerdict.none(KEY), 0);

            assertThat(harness.extractOutputValues()).isEmpty();
            DuplicateArticle duplicate = onlyDuplicate(harness);
            assertThat(duplicate.getKind()).isEqualTo(DuplicateKind.NEAR_DUPLICATE);
            assertThat(duplicate.getDuplicateOf()).isEqualTo("stronger");
            assertThat(duplicate.getSimilarity()).isEqualTo(0.8);
            assertThat(duplicate.getArticleId()).isEqualTo(COPY.getId());
            assertThat(duplicate.getEventId()).isEqualTo(COPY.getCrawlEventId());
            assertStateCleared(harness);
        }
    }

    @Test
    void aLateNoticeMakesAWaitingArticleADuplicateWithoutCountingAsAVerdict() throws Exception {
        try (var harness = harness()) {
            harness.processElement1(COPY, 0);
            harness.processElement2(NearDuplicateVerdict.none(KEY), 0);
            harness.processElement2(NearDuplicateVerdict.late(KEY, "original", 0.9), 0);
            harness.processElement2(NearDuplicateVerdict.none(KEY), 0);
            assertThat(harness.getSideOutput(Duplicates.TAG)).isNull();

            harness.processElement2(NearDuplicateVerdict.none(KEY), 0);

            assertThat(onlyDuplicate(harness).getDuplicateOf()).isEqualTo("original");
            assertThat(harness.extractOutputValues()).isEmpty();
            assertStateCleared(harness);
        }
    }

    @Test
    void aLateNoticeForADecidedArticleLeavesNoState() throws Exception {
        try (var harness = harness()) {
            harness.processElement1(COPY, 0);
            for (int i = 0; i < BANDS; i++) {
                harness.processElement2(NearDuplicateVerdict.none(KEY), 0);
            }

            harness.processElement2(NearDuplicateVerdict.late(KEY, "original", 0.9), 0);

            assertThat(harness.extractOutputValues()).containsExactly(COPY);
            assertThat(harness.getSideOutput(Duplicates.TAG)).isNull();
            assertStateCleared(harness);
        }
    }

    @Test
    void afterTheTimeoutTheArticleIsDecidedOnTheVerdictsSoFar() throws Exception {
        EnrichedArticle other = article("https://b.example/floods", NewsTexts.FLOODS, 8);
        String otherKey = DedupKeys.version(other);
        try (var harness = harness()) {
            harness.processElement1(COPY, 0);
            harness.processElement2(NearDuplicateVerdict.none(KEY), 0);
            harness.processElement1(other, 0);
            harness.processElement2(NearDuplicateVerdict.match(otherKey, "original", 0.7), 0);

            harness.setProcessingTime(TIMEOUT.toMillis() - 1);
            assertThat(harness.extractOutputValues()).isEmpty();
            harness.setProcessingTime(TIMEOUT.toMillis());

            assertThat(harness.extractOutputValues()).containsExactly(COPY);
            assertThat(onlyDuplicate(harness).getArticleId()).isEqualTo(other.getId());
            assertStateCleared(harness);
        }
    }

    @Test
    void verdictsWhoseArticleNeverCameAreDroppedAtTheTimeout() throws Exception {
        try (var harness = harness()) {
            harness.processElement2(NearDuplicateVerdict.none(KEY), 0);

            harness.setProcessingTime(TIMEOUT.toMillis());

            assertThat(harness.extractOutputValues()).isEmpty();
            assertThat(harness.getSideOutput(Duplicates.TAG)).isNull();
            assertStateCleared(harness);
        }
    }

    @Test
    void theSameVersionTwiceIsKeptOnce() throws Exception {
        try (var harness = harness()) {
            harness.processElement1(COPY, 0);
            harness.processElement1(COPY, 0);
            for (int i = 0; i < BANDS; i++) {
                harness.processElement2(NearDuplicateVerdict.none(KEY), 0);
            }

            assertThat(harness.extractOutputValues()).containsExactly(COPY);
            assertThat(onlyDuplicate(harness).getKind()).isEqualTo(DuplicateKind.SAME_URL);
            assertStateCleared(harness);
        }
    }

    @Test
    void bestMatchDoesNotDependOnTheOrderOfVerdicts() {
        DecisionProgress forward = new DecisionProgress();
        DecisionProgress backward = new DecisionProgress();
        var verdicts =
                List.of(
                        NearDuplicateVerdict.match(KEY, "b", 0.7),
                        NearDuplicateVerdict.match(KEY, "a", 0.7),
                        NearDuplicateVerdict.none(KEY));

        verdicts.forEach(forward::record);
        var reversed = new ArrayList<>(verdicts);
        Collections.reverse(reversed);
        reversed.forEach(backward::record);

        assertThat(forward.bestMatchId).isEqualTo("a").isEqualTo(backward.bestMatchId);
        assertThat(forward.verdicts).isEqualTo(3).isEqualTo(backward.verdicts);
    }
}
