package dev.newsflow.jobs.functions.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearDuplicateRuleTest {

    private final NearDuplicateRule rule = new NearDuplicateRule(new LshBands(2, 2), 0.5);

    /**
     * An article version at time {@code t} whose signature agrees with {@code BASE} in n places.
     */
    static BandProbe probe(String id, long t, int agreeing) {
        int[] signature = new int[BASE.length];
        for (int i = 0; i < signature.length; i++) {
            signature[i] = i < agreeing ? BASE[i] : 1000 + i + (int) t;
        }
        return new BandProbe(42L, id, t, "event-" + id + "-" + t, signature);
    }

    static final int[] BASE = {1, 2, 3, 4, 5, 6, 7, 8};

    @Test
    void theBestEarlierMemberAtOrAboveTheThresholdMatches() {
        BandProbe original = probe("a", 1, 8);
        BandProbe closeCopy = probe("b", 2, 6);
        BandProbe weakCopy = probe("c", 3, 3);

        BandProbe candidate = probe("d", 10, 7);
        var match = rule.bestEarlier(candidate, List.of(weakCopy, closeCopy, original));

        assertThat(match).isPresent();
        assertThat(match.get().member().articleId).isEqualTo("a");
        // d agrees with a in its first 7 places, with b in its first 6
        assertThat(match.get().similarity()).isEqualTo(7 / 8.0);
        assertThat(rule.bestEarlier(probe("e", 10, 3), List.of(weakCopy))).isEmpty();
    }

    @Test
    void ofEquallySimilarMembersTheEarliestIsTheOriginal() {
        BandProbe first = probe("first", 1, 8);
        BandProbe second = probe("second", 2, 8);

        var match = rule.bestEarlier(probe("third", 3, 8), List.of(second, first));

        assertThat(match.get().member().articleId).isEqualTo("first");
    }

    @Test
    void racingCopiesNeverMatchEachOtherBothWays() {
        BandProbe earlier = probe("a", 1, 8);
        BandProbe later = probe("b", 2, 8);

        assertThat(rule.bestEarlier(later, List.of(earlier))).isPresent();
        assertThat(rule.bestEarlier(earlier, List.of(later))).isEmpty();
        // ...but the band tells the later one, which arrived first, that it has an original
        assertThat(rule.laterDuplicates(earlier, List.of(later)))
                .extracting(m -> m.member().articleId)
                .containsExactly("b");
        assertThat(rule.laterDuplicates(later, List.of(earlier))).isEmpty();
    }

    @Test
    void anotherVersionOfTheSameArticleIsAnUpdateNotACopy() {
        assertThat(rule.bestEarlier(probe("a", 2, 8), List.of(probe("a", 1, 8)))).isEmpty();
        assertThat(rule.laterDuplicates(probe("a", 1, 8), List.of(probe("a", 2, 8)))).isEmpty();
    }

    @Test
    void theOrderKeyBreaksTiesByCrawlEventThenArticleId() {
        BandProbe a = new BandProbe(1, "a", 5, "e2", BASE);
        BandProbe b = new BandProbe(1, "b", 5, "e1", BASE);
        BandProbe c = new BandProbe(1, "c", 5, null, BASE);
        BandProbe d = new BandProbe(1, "d", 5, null, BASE);

        assertThat(b.isEarlierThan(a)).isTrue();
        assertThat(c.isEarlierThan(b)).isTrue();
        assertThat(c.isEarlierThan(d)).isTrue();
        assertThat(d.isEarlierThan(c)).isFalse();
    }

    @Test
    void pairsMatchWhenTheyShareABucketAndAreSimilarEnough() {
        int[] a = {1, 2, 3, 4};

        assertThat(rule.matches(a, new int[] {1, 2, 3, 9})).isTrue(); // band 0, 3/4
        assertThat(rule.matches(a, new int[] {1, 9, 3, 9})).isFalse(); // 2/4 but no band
        assertThat(
                        new NearDuplicateRule(new LshBands(2, 2), 0.8)
                                .matches(a, new int[] {1, 2, 3, 9}))
                .isFalse(); // band 0, but 3/4 < 0.8
    }
}
