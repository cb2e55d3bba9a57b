package dev.newsflow.query.feed;

import static dev.newsflow.query.feed.FeedFixtures.NOW;
import static dev.newsflow.query.feed.FeedFixtures.article;
import static dev.newsflow.query.feed.FeedFixtures.interest;
import static dev.newsflow.query.feed.FeedFixtures.persona;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.newsflow.query.config.FeedConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedRankerTest {

    private final FeedConfig config = FeedConfig.defaults();
    private final FeedRanker ranker = new FeedRanker(config);

    @Test
    void scoreBlendsSimilarityImportanceAndRecency() {
        // Given: an article one half-life old, at cosine 0.6 to the only interest
        Candidate c =
                new Candidate(
                        "a",
                        "A",
                        null,
                        "s",
                        "st",
                        NOW.minus(config.halfLife()),
                        null,
                        0.4,
                        new float[] {0.6f, 0.8f, 0f});
        FeedPersona p =
                persona(new float[] {1, 0, 0}, null, List.of(interest("liked", "Liked", 1, 0, 0)));

        // When
        FeedRanker.Scored s = ranker.score(c, p, NOW);

        // Then
        assertThat(s.similarity()).isCloseTo(0.6, within(1e-6));
        assertThat(s.recency()).isCloseTo(0.5, within(1e-9));
        assertThat(s.nearestInterest()).isZero();
        assertThat(s.score()).isCloseTo(0.6 * 0.6 + 0.25 * 0.4 + 0.15 * 0.5, within(1e-6));
    }

    @Test
    void recencyHalvesPerHalfLifeAndUnknownDatesCountNothing() {
        assertThat(ranker.recency(NOW, NOW)).isEqualTo(1.0);
        assertThat(ranker.recency(NOW.minus(config.halfLife().multipliedBy(2)), NOW))
                .isCloseTo(0.25, within(1e-9));
        assertThat(ranker.recency(NOW.plus(Duration.ofMinutes(5)), NOW)).isEqualTo(1.0);
        assertThat(ranker.recency(null, NOW)).isZero();
    }

    @Test
    void theNearestInterestExplainsTheSimilarity() {
        FeedPersona p =
                persona(
                        new float[] {0.7f, 0.7f, 0},
                        null,
                        List.of(interest("x", "X", 1, 0, 0), interest("y", "Y", 0, 1, 0)));

        FeedRanker.Scored s = ranker.score(article("a", "s", "st", 0, 0.1f, 1f, 0f), p, NOW);

        assertThat(s.nearestInterest()).isEqualTo(1);
    }

    @Test
    void rankDropsInteractedShownAndNegativeCandidatesAndSortsTheRest() {
        // Given: a persona that liked "liked", and dislikes the direction (0, 0, 1)
        FeedPersona p =
                persona(
                        new float[] {1, 0, 0},
                        new float[] {0, 0, 1},
                        List.of(interest("liked", "Liked", 1, 0, 0)),
                        "liked");
        List<Candidate> candidates =
                List.of(
                        article("liked", "s", "1", 0.5f, 1, 0, 0),
                        article("shown", "s", "2", 0.5f, 1, 0, 0),
                        article("disliked-topic", "s", "3", 0.9f, 0.5f, 0, 0.8f),
                        article("far", "s", "4", 0.1f, 0, 1, 0),
                        article("near", "s", "5", 0.1f, 0.9f, 0.1f, 0.2f));
        FeedCursor cursor = FeedCursor.first(42, NOW).after(List.of("shown"));

        // When
        List<FeedRanker.Scored> ranked = ranker.rank(candidates, p, cursor);

        // Then: cos(disliked-topic, negative) = 0.85 drops it; near's 0.22 keeps it (< 0.25)
        assertThat(ranked).extracting(s -> s.candidate().id()).containsExactly("near", "far");
        assertThat(ranked.get(0).negative()).isLessThan(config.negativeSimilarity());
    }

    @Test
    void coldStartRanksByImportanceThenRecency() {
        FeedPersona none = FeedPersona.none("bob");
        List<Candidate> candidates =
                List.of(
                        article("minor", "s", "1", 0.2f, 1, 0, 0),
                        article("major", "s", "2", 0.9f, 0, 1, 0),
                        article("middle", "s", "3", 0.5f, 0, 0, 1));

        List<FeedRanker.Scored> ranked = ranker.rank(candidates, none, FeedCursor.first(-1, NOW));

        assertThat(ranked)
                .extracting(s -> s.candidate().id())
                .containsExactly("major", "middle", "minor");
        assertThat(ranked).allSatisfy(s -> assertThat(s.similarity()).isZero());
    }

    @Test
    void mergeKeepsTheFirstOccurrenceOfEachArticle() {
        Candidate a = article("a", "s", "1", 0, 1, 0, 0);
        Candidate b = article("b", "s", "2", 0, 0, 1, 0);

        assertThat(FeedRanker.merge(List.of(List.of(a, b), List.of(b, a)))).containsExactly(a, b);
    }
}
