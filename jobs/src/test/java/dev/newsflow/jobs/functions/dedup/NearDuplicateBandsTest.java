package dev.newsflow.jobs.functions.dedup;

import static dev.newsflow.jobs.functions.dedup.NearDuplicateRuleTest.probe;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class NearDuplicateBandsTest {

    static final Duration TTL = Duration.ofDays(3);
    static final NearDuplicateRule RULE = new NearDuplicateRule(new LshBands(2, 2), 0.5);

    private static KeyedOneInputStreamOperatorTestHarness<Long, BandProbe, NearDuplicateVerdict>
            band(int cap) throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new NearDuplicateBands(RULE, cap, TTL), probe -> probe.bandKey, Types.LONG);
    }

    private static List<String> verdicts(
            KeyedOneInputStreamOperatorTestHarness<Long, BandProbe, NearDuplicateVerdict> band) {
        return band.extractOutputValues().stream().map(NearDuplicateVerdict::toString).toList();
    }

    @Test
    void eachProbeGetsOneVerdictNamingTheBestEarlierMember() throws Exception {
        try (var band = band(64)) {
            BandProbe original = probe("a", 1, 8);
            BandProbe copy = probe("b", 2, 7);
            BandProbe unrelated = probe("c", 3, 0);

            band.processElement(original, 0);
            band.processElement(copy, 0);
            band.processElement(unrelated, 0);

            assertThat(verdicts(band))
                    .containsExactly(
                            original.versionKey() + ": none",
                            copy.versionKey() + ": a @ 0.875",
                            unrelated.versionKey() + ": none");
        }
    }

    @Test
    void aCopyThatOvertookItsOriginalIsToldLate() throws Exception {
        try (var band = band(64)) {
            BandProbe original = probe("a", 1, 8);
            BandProbe copy = probe("b", 2, 8);

            band.processElement(copy, 0);
            band.processElement(original, 0);

            assertThat(verdicts(band))
                    .containsExactly(
                            copy.versionKey() + ": none",
                            original.versionKey() + ": none",
                            copy.versionKey() + " (late): a @ 1.0");
        }
    }

    @Test
    void racingCopiesSeenInOppositeOrdersByTwoBandsNeverDropEachOther() throws Exception {
        BandProbe original = probe("a", 1, 8);
        BandProbe copy = probe("b", 2, 8);
        DecisionProgress forOriginal = new DecisionProgress();
        DecisionProgress forCopy = new DecisionProgress();

        try (var first = band(64);
                var second = band(64)) {
            first.processElement(original, 0);
            first.processElement(copy, 0);
            second.processElement(copy, 0);
            second.processElement(original, 0);

            for (var band : List.of(first, second)) {
                for (NearDuplicateVerdict v : band.extractOutputValues()) {
                    (v.versionKey.equals(original.versionKey()) ? forOriginal : forCopy).record(v);
                }
            }
        }

        assertThat(forOriginal.verdicts).isEqualTo(2);
        assertThat(forOriginal.isDuplicate()).isFalse();
        assertThat(forCopy.verdicts).isEqualTo(2);
        assertThat(forCopy.bestMatchId).isEqualTo("a");
    }

    @Test
    void aBucketKeepsTheLatestVersionOfAnArticle() throws Exception {
        try (var band = band(64)) {
            band.processElement(probe("a", 5, 8), 0);
            band.processElement(probe("a", 1, 8), 0); // an older version, arriving late

            // "z" at t=3 is later than a@1 but earlier than a@5: only a@5 may be in the bucket
            band.processElement(probe("z", 3, 8), 0);

            assertThat(verdicts(band))
                    .containsExactly(
                            probe("a", 5, 8).versionKey() + ": none",
                            probe("a", 1, 8).versionKey() + ": none",
                            probe("z", 3, 8).versionKey() + ": none",
                            probe("a", 5, 8).versionKey() + " (late): z @ 1.0");
        }
    }

    @Test
    void beyondTheCapTheOldestMembersAreEvicted() throws Exception {
        try (var band = band(2)) {
            BandProbe oldest = probe("a", 1, 0);
            BandProbe middle = probe("b", 2, 0);
            BandProbe newest = probe("c", 3, 0);
            band.processElement(oldest, 0);
            band.processElement(middle, 0);
            band.processElement(newest, 0);

            band.processElement(copyOf("copy-of-a", oldest, 10), 0);
            band.processElement(copyOf("copy-of-c", newest, 11), 0);

            assertThat(verdicts(band))
                    .endsWith(
                            copyOf("copy-of-a", oldest, 10).versionKey() + ": none",
                            copyOf("copy-of-c", newest, 11).versionKey() + ": c @ 1.0");
        }
    }

    @Test
    void membersExpireAfterTheTtl() throws Exception {
        try (var band = band(64)) {
            band.setStateTtlProcessingTime(0);
            band.processElement(probe("a", 1, 8), 0);
            band.setStateTtlProcessingTime(TTL.toMillis() - 1);
            band.processElement(probe("b", 2, 8), 0);

            band.setStateTtlProcessingTime(TTL.toMillis() + 1);
            band.processElement(probe("c", 3, 8), 0);

            assertThat(verdicts(band))
                    .containsExactly(
                            probe("a", 1, 8).versionKey() + ": none",
                            probe("b", 2, 8).versionKey() + ": a @ 1.0",
                            probe("c", 3, 8).versionKey() + ": b @ 1.0");
        }
    }

    private static BandProbe copyOf(String id, BandProbe original, long t) {
        return new BandProbe(original.bandKey, id, t, "event-" + id, original.signature.clone());
    }
}
