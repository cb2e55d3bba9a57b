package dev.newsflow.jobs.functions.stories;

import static dev.newsflow.jobs.functions.stories.StoryFixtures.article;
import static dev.newsflow.jobs.functions.stories.StoryFixtures.config;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.jobs.config.StoryConfig;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.Story;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.junit.jupiter.api.Test;

class AssignStoriesTest {

    private static final StoryConfig DEFAULTS = StoryConfig.defaults();

    @Test
    void anArticleOnTheSameEventJoinsTheStory() throws Exception {
        try (StoryHarness h = StoryHarness.open(DEFAULTS)) {
            h.process(
                    article("a1").topic(0).source("bbc.com").at(0).build(),
                    article("a2").topic(0).source("apnews.com").at(10).build());

            assertThat(h.articles()).extracting(EnrichedArticle::getStoryId).containsOnly("s-a1");
            Story story = h.story("s-a1");
            assertThat(story.getVersion()).isEqualTo(2);
            assertThat(story.getArticleIds()).containsExactly("a1", "a2");
            assertThat(story.getSources()).containsExactly("bbc.com", "apnews.com");
            assertThat(story.getSourceCount()).isEqualTo(2);
            assertThat(story.getLastSeen()).isEqualTo(StoryFixtures.T0.plusSeconds(600));
            assertThat(h.articles().get(1).getKeywords()).isNotEmpty();
        }
    }

    @Test
    void anArticleOnAnotherTopicFoundsANewStory() throws Exception {
        try (StoryHarness h = StoryHarness.open(DEFAULTS)) {
            h.process(article("a1").topic(0).at(0).build(), article("b1").topic(1).at(5).build());

            assertThat(h.articles())
                    .extracting(EnrichedArticle::getStoryId)
                    .containsExactly("s-a1", "s-b1");
            assertThat(h.stories()).extracting(Story::getVersion).containsExactly(1L, 1L);
            assertThat(h.activeStoryIds("en")).containsExactlyInAnyOrder("s-a1", "s-b1");
        }
    }

    @Test
    void articlesInAnotherLanguageNeverJoinTheStory() throws Exception {
        try (StoryHarness h = StoryHarness.open(DEFAULTS)) {
            h.process(
                    article("a1").topic(0).language("en-GB").at(0).build(),
                    article("a2").topic(0).language("de").at(1).build());

            assertThat(h.article("a2").getStoryId()).isEqualTo("s-a2");
            assertThat(h.activeStoryIds("en")).containsExactly("s-a1");
            assertThat(h.activeStoryIds("de")).containsExactly("s-a2");
        }
    }

    @Test
    void storiesOlderThanTheWindowLeaveTheStateByArticleTime() throws Exception {
        StoryConfig config = config(StoryConfig.WINDOW_MS, String.valueOf(24 * 3_600_000L));
        try (StoryHarness h = StoryHarness.open(config)) {
            h.process(article("a1").topic(0).at(0).build());
            h.process(article("b1").topic(1).at(23 * 60).build());
            assertThat(h.activeStoryIds("en")).containsExactlyInAnyOrder("s-a1", "s-b1");

            h.process(article("c1").topic(2).at(24 * 60 + 1).build());
            h.process(article("a2").topic(0).at(24 * 60 + 2).build());

            assertThat(h.activeStoryIds("en")).containsExactlyInAnyOrder("s-b1", "s-c1", "s-a2");
            assertThat(h.article("a2").getStoryId()).isEqualTo("s-a2");
        }
    }

    @Test
    void beyondTheCapTheLeastRecentlySeenStoryLeaves() throws Exception {
        try (StoryHarness h = StoryHarness.open(config(StoryConfig.MAX_ACTIVE, "2"))) {
            h.process(
                    article("a1").topic(0).at(0).build(),
                    article("b1").topic(1).at(1).build(),
                    article("a2").topic(0).at(2).build(), // a is now the most recent
                    article("c1").topic(2).at(3).build());

            assertThat(h.activeStoryIds("en")).containsExactlyInAnyOrder("s-a1", "s-c1");

            h.process(article("b2").topic(1).at(4).build());
            assertThat(h.article("b2").getStoryId()).isEqualTo("s-b2");
            assertThat(h.activeStoryIds("en")).containsExactlyInAnyOrder("s-c1", "s-b2");
        }
    }

    @Test
    void aRedeliveredArticleKeepsItsStoryWithoutANewVersion() throws Exception {
        EnrichedArticle a1 = article("a1").topic(0).at(0).build();
        try (StoryHarness h = StoryHarness.open(DEFAULTS)) {
            h.process(a1, article("a2").topic(0).at(5).build(), a1);

            assertThat(h.articles())
                    .extracting(EnrichedArticle::getStoryId)
                    .containsExactly("s-a1", "s-a1", "s-a1");
            assertThat(h.stories()).hasSize(2);
            assertThat(h.story("s-a1").getArticleCount()).isEqualTo(2);
        }
    }

    @Test
    void anArticleWithoutAnEmbeddingPassesOnWithoutAStory() throws Exception {
        try (StoryHarness h = StoryHarness.open(DEFAULTS)) {
            h.process(article("a1").embedding(List.of()).build());

            assertThat(h.articles()).hasSize(1);
            assertThat(h.article("a1").getStoryId()).isNull();
            assertThat(h.article("a1").getKeywords()).isNotEmpty();
            assertThat(h.stories()).isEmpty();
        }
    }

    @Test
    void aRestoredSnapshotAssignsLikeAnUninterruptedRun() throws Exception {
        List<EnrichedArticle> before =
                List.of(
                        article("a1").topic(0).source("bbc.com").at(0).build(),
                        article("b1").topic(1).source("apnews.com").at(3).build(),
                        article("a2").topic(0).source("apnews.com").at(6).build());
        List<EnrichedArticle> after =
                List.of(
                        article("a3").topic(0).source("reuters.com").at(9).build(),
                        article("c1").topic(2).source("bbc.com").at(12).build(),
                        article("b2").topic(1).source("bbc.com").at(15).build());

        List<EnrichedArticle> uninterruptedArticles;
        List<Story> uninterruptedStories;
        try (StoryHarness h = StoryHarness.open(DEFAULTS)) {
            h.process(before.toArray(EnrichedArticle[]::new));
            h.process(after.toArray(EnrichedArticle[]::new));
            uninterruptedArticles = h.articles().subList(before.size(), h.articles().size());
            uninterruptedStories = h.stories().subList(before.size(), h.stories().size());
        }
        OperatorSubtaskState snapshot;
        try (StoryHarness h = StoryHarness.openOnRocksDb(DEFAULTS)) {
            h.process(before.toArray(EnrichedArticle[]::new));
            snapshot = h.snapshot();
        }

        try (StoryHarness restored = StoryHarness.restoreOnRocksDb(DEFAULTS, snapshot)) {
            restored.process(after.toArray(EnrichedArticle[]::new));

            assertThat(restored.articles()).isEqualTo(uninterruptedArticles);
            assertThat(restored.stories()).isEqualTo(uninterruptedStories);
            assertThat(restored.story("s-a1").getArticleIds()).containsExactly("a1", "a2", "a3");
        }
    }
}
