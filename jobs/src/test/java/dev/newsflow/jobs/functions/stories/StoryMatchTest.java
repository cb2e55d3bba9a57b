package dev.newsflow.jobs.functions.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.newsflow.jobs.functions.Vectors;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryMatchTest {

    @Test
    void scoreIsCosineToTheCentroidPlusTheWeightedKeywordOverlap() {
        ActiveStory story = new ActiveStory();
        story.centroidSum = new float[] {2, 0, 0}; // a sum of members; only its direction counts
        story.keywords = List.of("assange", "sweden", "prosecutors");

        double score =
                StoryMatch.score(
                        new float[] {0.6f, 0.8f, 0},
                        List.of("assange", "sweden", "rape"),
                        story,
                        0.1);

        assertThat(score).isCloseTo(0.6 + 0.1 * 2 / 4.0, within(1e-6));
    }

    @Test
    void jaccardOfKeywordSets() {
        assertThat(StoryMatch.jaccard(List.of("a", "b"), List.of("b", "c"))).isEqualTo(1 / 3.0);
        assertThat(StoryMatch.jaccard(List.of(), List.of())).isZero();
        assertThat(StoryMatch.jaccard(List.of("a"), List.of("a"))).isEqualTo(1.0);
    }

    @Test
    void aStoryTakesArticlesWithinTheWindowOfItsLatestArticleEitherWay() {
        ActiveStory story = new ActiveStory();
        story.lastSeen = 10 * 3_600_000L;
        Duration window = Duration.ofHours(24);

        assertThat(StoryMatch.inWindow(34 * 3_600_000L, story, window)).isTrue();
        assertThat(StoryMatch.inWindow(34 * 3_600_000L + 1, story, window)).isFalse();
        assertThat(StoryMatch.inWindow(0, story, window)).isTrue();
    }

    @Test
    void theCentroidIsTheNormalisedSum() {
        float[] sum = new float[] {1, 0};
        Vectors.addTo(sum, new float[] {0, 1});

        float[] centroid = Vectors.normalized(sum);

        assertThat(centroid[0]).isCloseTo((float) Math.sqrt(0.5), within(1e-6f));
        assertThat(Vectors.cosine(centroid, new float[] {1, 1})).isCloseTo(1.0, within(1e-6));
        assertThat(Vectors.normalized(new float[2])).isEmpty();
    }
}
