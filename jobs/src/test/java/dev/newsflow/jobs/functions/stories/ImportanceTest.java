package dev.newsflow.jobs.functions.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.newsflow.jobs.config.StoryConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImportanceTest {

    private static final StoryConfig CONFIG = StoryConfig.defaults();
    private static final Duration HALF_LIFE = CONFIG.halfLife();
    private static final double UNKNOWN = CONFIG.defaultAuthority();

    @Test
    void aStoryPickedUpByFiveSourcesInHalfAnHourOutranksASingleSourceItemOfTheSameAge() {
        Importance.Inputs fiveSources =
                new Importance.Inputs(5, 5, UNKNOWN, Duration.ofMinutes(30), 0.3, null);
        Importance.Inputs singleSource =
                new Importance.Inputs(1, 1, UNKNOWN, Duration.ofMinutes(30), 0.3, null);

        assertThat(score(fiveSources)).isGreaterThan(score(singleSource));
    }

    @Test
    void anAuthoritativeSourceOutranksAnUnknownOneAllElseEqual() {
        Importance.Inputs authoritative =
                new Importance.Inputs(1, 1, 0.9, Duration.ofMinutes(10), 0.3, null);
        Importance.Inputs unknown =
                new Importance.Inputs(1, 1, UNKNOWN, Duration.ofMinutes(10), 0.3, null);

        assertThat(score(authoritative)).isGreaterThan(score(unknown));
    }

    @Test
    void olderNewsRanksBelowNewerNews() {
        Importance.Inputs fresh =
                new Importance.Inputs(2, 2, UNKNOWN, Duration.ofMinutes(10), 0.3, 0.5);
        Importance.Inputs old =
                new Importance.Inputs(2, 2, UNKNOWN, Duration.ofHours(12), 0.3, 0.5);

        assertThat(score(old)).isLessThan(score(fresh));
        assertThat(Importance.recency(HALF_LIFE, HALF_LIFE)).isCloseTo(0.5, within(1e-9));
        assertThat(Importance.recency(HALF_LIFE.multipliedBy(2), HALF_LIFE))
                .isCloseTo(0.25, within(1e-9));
    }

    @Test
    void aMissingModelRatingRenormalisesTheOtherWeights() {
        Map<String, Double> unrated =
                Map.of(
                        Importance.SOURCES, 0.8,
                        Importance.VELOCITY, 0.4,
                        Importance.AUTHORITY, 0.5,
                        Importance.RECENCY, 1.0,
                        Importance.NOVELTY, 0.2);
        Map<String, Double> w = CONFIG.weights();
        double expected =
                (w.get("sources") * 0.8
                                + w.get("velocity") * 0.4
                                + w.get("authority") * 0.5
                                + w.get("recency") * 1.0
                                + w.get("novelty") * 0.2)
                        / (1 - w.get("model"));

        assertThat(Importance.score(unrated, w)).isCloseTo(expected, within(1e-9));
        assertThat(Importance.components(inputsWithModel(null), HALF_LIFE))
                .doesNotContainKey(Importance.MODEL);
        assertThat(Importance.components(inputsWithModel(0.7), HALF_LIFE))
                .containsEntry(Importance.MODEL, 0.7);
    }

    @Test
    void sourcesAndVelocitySaturateAtTheDocumentedPoints() {
        assertThat(Importance.saturating(0, Importance.SOURCES_HALF)).isZero();
        assertThat(Importance.saturating(3, Importance.SOURCES_HALF)).isCloseTo(0.5, within(1e-9));
        assertThat(Importance.saturating(6, Importance.SOURCES_HALF)).isCloseTo(0.75, within(1e-9));
    }

    @Test
    void everyComponentAndTheScoreStayInTheUnitInterval() {
        Random random = new Random(42);
        for (int i = 0; i < 1_000; i++) {
            Importance.Inputs in =
                    new Importance.Inputs(
                            random.nextInt(1_000),
                            random.nextInt(1_000),
                            random.nextDouble(),
                            Duration.ofMinutes(random.nextInt(20_000) - 1_000),
                            random.nextDouble() * 2 - 1,
                            random.nextBoolean() ? null : random.nextDouble() * 3 - 1);
            Map<String, Double> components = Importance.components(in, HALF_LIFE);

            assertThat(components.values()).allSatisfy(c -> assertThat(c).isBetween(0.0, 1.0));
            assertThat(Importance.score(components, CONFIG.weights())).isBetween(0.0, 1.0);
        }
    }

    private static Importance.Inputs inputsWithModel(Double model) {
        return new Importance.Inputs(2, 1, UNKNOWN, Duration.ofMinutes(5), 0.1, model);
    }

    private static double score(Importance.Inputs in) {
        return Importance.score(Importance.components(in, HALF_LIFE), CONFIG.weights());
    }
}
