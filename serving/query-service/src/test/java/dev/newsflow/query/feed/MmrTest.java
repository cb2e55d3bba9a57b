package dev.newsflow.query.feed;

import static dev.newsflow.query.feed.FeedFixtures.NOW;
import static dev.newsflow.query.feed.FeedFixtures.article;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.query.config.FeedConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class MmrTest {

    private final FeedRanker ranker = new FeedRanker(FeedConfig.defaults());

    @Test
    void picksADiverseSecondArticleOverANearDuplicate() {
        // Given: two near-identical articles on top, a different one slightly below
        List<FeedRanker.Scored> ranked =
                cold(
                        article("a", "s1", "1", 0.9f, 1, 0, 0),
                        article("a-again", "s2", "2", 0.88f, 0.99f, 0.14f, 0),
                        article("other", "s3", "3", 0.8f, 0, 1, 0));

        // When
        List<String> diverse = ids(Mmr.select(ranked, List.of(), 2, 0.7, 3));
        List<String> byScore = ids(Mmr.select(ranked, List.of(), 2, 1.0, 3));

        // Then
        assertThat(diverse).containsExactly("a", "other");
        assertThat(byScore).containsExactly("a", "a-again");
    }

    @Test
    void atMostOneArticlePerStoryAcrossPages() {
        List<FeedRanker.Scored> ranked =
                cold(
                        article("a1", "s1", "story-a", 0.9f, 1, 0, 0),
                        article("a2", "s2", "story-a", 0.8f, 0, 1, 0),
                        article("b1", "s3", "story-b", 0.7f, 0, 0, 1),
                        article("c1", "s4", null, 0.6f, 1, 1, 0),
                        article("d1", "s5", null, 0.5f, 0, 1, 1));

        List<String> first = ids(Mmr.select(ranked, List.of(), 10, 1.0, 3));
        List<String> afterB =
                ids(
                        Mmr.select(
                                ranked,
                                List.of(article("b0", "s9", "story-b", 0, 1, 0, 0)),
                                10,
                                1.0,
                                3));

        assertThat(first).containsExactly("a1", "b1", "c1", "d1");
        assertThat(afterB).containsExactly("a1", "c1", "d1");
    }

    @Test
    void capsArticlesPerSourceOnAPage() {
        List<FeedRanker.Scored> ranked =
                cold(
                        article("x1", "big", "1", 0.9f, 1, 0, 0),
                        article("x2", "big", "2", 0.85f, 0, 1, 0),
                        article("x3", "big", "3", 0.8f, 0, 0, 1),
                        article("y1", "small", "4", 0.1f, 1, 1, 1));

        assertThat(ids(Mmr.select(ranked, List.of(), 4, 1.0, 2))).containsExactly("x1", "x2", "y1");
    }

    @Test
    void earlierPagesCountAsPickedForSimilarity() {
        // Given: page 1 showed an article like "a"
        List<FeedRanker.Scored> ranked =
                cold(
                        article("a", "s1", "1", 0.9f, 1, 0, 0),
                        article("b", "s2", "2", 0.8f, 0, 1, 0));

        List<String> page2 =
                ids(Mmr.select(ranked, List.of(article("seen", "s3", "3", 0, 1, 0, 0)), 1, 0.5, 3));

        assertThat(page2).containsExactly("b");
    }

    private List<FeedRanker.Scored> cold(Candidate... candidates) {
        return ranker.rank(List.of(candidates), FeedPersona.none("bob"), FeedCursor.first(-1, NOW));
    }

    private static List<String> ids(List<Mmr.Pick> picks) {
        return picks.stream().map(p -> p.scored().candidate().id()).toList();
    }
}
