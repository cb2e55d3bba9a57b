package dev.newsflow.jobs.functions.stories;

import static dev.newsflow.jobs.functions.stories.StoryFixtures.article;
import static dev.newsflow.jobs.functions.stories.StoryFixtures.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.newsflow.jobs.config.StoryConfig;
import dev.newsflow.schemas.Story;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Importance, growth and headline of stories as {@link AssignStories} builds them. */
class StoryScoringTest {

    private static final StoryConfig DEFAULTS = StoryConfig.defaults();

    @Test
    void importanceRisesAsSourcesJoinAndArticlesCarryTheirStorysScore() throws Exception {
        try (StoryHarness h = StoryHarness.open(DEFAULTS)) {
            h.process(
                    article("a1").topic(0).source("one.example").at(0).build(),
                    article("a2").topic(0).source("two.example").at(5).build(),
                    article("a3").topic(0).source("three.example").at(10).build(),
                    article("a4").topic(0).source("four.example").at(20).build(),
                    article("a5").topic(0).source("five.example").at(30).build());

            List<Story> versions = h.stories();
            assertThat(versions)
                    .extracting(Story::getImportance)
                    .isSorted()
                    .doesNotHaveDuplicates();
            assertThat(versions)
                    .extracting(s -> s.getImportanceComponents().get(Importance.SOURCES))
                    .isSorted()
                    .doesNotHaveDuplicates();
            assertThat(versions)
                    .extracting(s -> s.getImportanceComponents().get(Importance.VELOCITY))
                    .isSorted()
                    .doesNotHaveDuplicates();
            assertThat(h.article("a5").getImportance()).isEqualTo(versions.get(4).getImportance());
            assertThat(h.article("a5").getImportanceComponents())
                    .isEqualTo(versions.get(4).getImportanceComponents());
        }
    }

    @Test
    void fiveSourcesInHalfAnHourOutrankASingleSourceItemOfTheSameAge() throws Exception {
        try (StoryHarness h = StoryHarness.open(DEFAULTS)) {
            h.process(
                    article("a1").topic(0).source("one.example").at(0).build(),
                    article("a2").topic(0).source("two.example").at(5).build(),
                    article("a3").topic(0).source("three.example").at(10).build(),
                    article("a4").topic(0).source("four.example").at(20).build(),
                    article("a5").topic(0).source("five.example").at(30).build(),
                    article("b1").topic(1).source("six.example").publishedAt(0, 30).build());

            assertThat(h.story("s-a1").getImportance())
                    .isGreaterThan(h.story("s-b1").getImportance());
            assertThat(h.story("s-a1").getImportanceComponents().get(Importance.RECENCY))
                    .isEqualTo(h.story("s-b1").getImportanceComponents().get(Importance.RECENCY));
        }
    }

    @Test
    void growthRateCountsTheArticlesOfTheHourBeforeTheLatest() throws Exception {
        try (StoryHarness h = StoryHarness.open(DEFAULTS)) {
            h.process(
                    article("a1").topic(0).at(0).build(),
                    article("a2").topic(0).at(10).build(),
                    article("a3").topic(0).at(20).build(),
                    article("a4").topic(0).at(75).build());

            assertThat(h.stories())
                    .extracting(Story::getGrowthRate)
                    .containsExactly(1.0, 2.0, 3.0, 2.0);
        }
    }

    @Test
    void theHeadlineComesFromTheMostAuthoritativeSource() throws Exception {
        StoryConfig config =
                config(StoryConfig.SOURCE_AUTHORITY, "apnews.com=0.9,blog.example=0.2");
        try (StoryHarness h = StoryHarness.open(config)) {
            h.process(
                    article("a1").topic(0).source("blog.example").at(0).build(),
                    article("a2").topic(0).source("www.apnews.com").at(5).build(),
                    article("a3").topic(0).source("unknown.example").at(10).build());

            Story story = h.story("s-a1");
            assertThat(story.getHeadline()).isEqualTo("Topic 0 report a2");
            assertThat(story.getSummary()).isEqualTo("Summary of a2");
            assertThat(story.getImportanceComponents().get(Importance.AUTHORITY)).isEqualTo(0.9);
        }
    }

    @Test
    void theModelComponentIsTheMeanRatingOfTheRatedArticles() throws Exception {
        try (StoryHarness h = StoryHarness.open(DEFAULTS)) {
            h.process(article("b1").topic(1).at(0).build());
            assertThat(h.story("s-b1").getImportanceComponents())
                    .doesNotContainKey(Importance.MODEL);

            h.process(
                    article("a1").topic(0).at(0).model(0.8).build(),
                    article("a2").topic(0).at(5).model(0.4).build(),
                    article("a3").topic(0).at(10).build());
            assertThat(h.story("s-a1").getImportanceComponents().get(Importance.MODEL))
                    .isCloseTo(0.6, within(1e-9));
        }
    }

    @Test
    void noveltyFallsWhenASimilarStoryIsActive() throws Exception {
        try (StoryHarness h = StoryHarness.open(config(StoryConfig.THRESHOLD, "0.99"))) {
            // Same topic, but the threshold keeps them apart: two close stories.
            h.process(article("a1").topic(0).at(0).build(), article("a2").topic(0).at(1).build());
            h.process(article("b1").topic(1).at(2).build());

            assertThat(h.story("s-a2").getImportanceComponents().get(Importance.NOVELTY))
                    .isCloseTo(1 - Math.pow(Math.cos(StoryFixtures.LEAN), 2), within(1e-6));
            assertThat(h.story("s-b1").getImportanceComponents().get(Importance.NOVELTY))
                    .isCloseTo(1.0, within(1e-6));
        }
    }
}
