package dev.newsflow.jobs.functions.persona;

import static dev.newsflow.jobs.functions.persona.PersonaEvents.COOKING;
import static dev.newsflow.jobs.functions.persona.PersonaEvents.POLITICS;
import static dev.newsflow.jobs.functions.persona.PersonaEvents.SPACE;
import static dev.newsflow.jobs.functions.persona.PersonaEvents.SPORT;
import static dev.newsflow.jobs.functions.persona.PersonaEvents.between;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.newsflow.jobs.functions.Vectors;
import org.junit.jupiter.api.Test;

/** Multi-interest: online clustering of liked articles into at most k interests. */
class InterestsTest {

    /** Join at cosine ≥ 0.6; over two interests, merge the weakest at ≥ 0.3 or drop it. */
    private static final PersonaRules RULES = PersonaRules.defaults().withInterests(2, 0.6, 0.3);

    @Test
    void anArticleJoinsTheNearestInterestWhenSimilarEnough() {
        InterestState[] interests = assign(new InterestState[0], SPORT, 1, 100, "match");
        interests = assign(interests, SPACE, 1, 200, "planet");

        // A football article close to sport (cosine 0.9) and far from space
        InterestState[] next = assign(interests, between(SPORT, POLITICS, 0.9), 1, 300, "derby");

        assertThat(next).hasSize(2);
        InterestState sport = next[0];
        assertThat(sport.count()).isEqualTo(2);
        assertThat(sport.weight()).isEqualTo(2.0);
        assertThat(sport.articleId())
                .as("the most recent article represents it")
                .isEqualTo("derby");
        assertThat(Vectors.cosine(sport.centroid(), SPORT)).isGreaterThan(0.9);
        assertThat(next[1].count()).isEqualTo(1);
    }

    @Test
    void anArticleUnlikeEveryInterestStartsANewOne() {
        InterestState[] interests = assign(new InterestState[0], SPORT, 1, 100, "match");

        InterestState[] next = assign(interests, SPACE, 1, 200, "planet");

        assertThat(next).extracting(InterestState::articleId).containsExactly("match", "planet");
        assertThat(next[1].centroid()).containsExactly(SPACE, within(1e-6f));
    }

    @Test
    void overKTheWeakestMergesIntoASimilarInterest() {
        // Given: two interests, sport (strong) and space (weak)
        InterestState[] interests = assign(new InterestState[0], SPORT, 3, 100, "match");
        interests = assign(interests, SPACE, 1, 200, "planet");

        // When: a third, sport-ish article (cosine 0.5 with sport: below the join threshold)
        float[] sportyPolitics = between(SPORT, POLITICS, 0.5);
        InterestState[] next = assign(interests, sportyPolitics, 0.5, 300, "stadium-vote");

        // Then: the new one is the weakest; cosine 0.5 ≥ 0.3, so it merges into sport
        assertThat(next).hasSize(2);
        assertThat(next)
                .extracting(InterestState::articleId)
                .containsExactly("stadium-vote", "planet");
        assertThat(next[0].count()).isEqualTo(2);
        assertThat(next[0].weight()).isEqualTo(3.5);
    }

    @Test
    void overKTheWeakestIsDroppedWhenNothingIsSimilar() {
        InterestState[] interests = assign(new InterestState[0], SPORT, 3, 100, "match");
        interests = assign(interests, SPACE, 2, 200, "planet");

        InterestState[] next = assign(interests, COOKING, 1, 300, "recipe");

        assertThat(next).extracting(InterestState::articleId).containsExactly("match", "planet");
        assertThat(next).extracting(InterestState::count).containsExactly(1L, 1L);
    }

    @Test
    void aStrongNewInterestEvictsAFadedOne() {
        InterestState[] interests = assign(new InterestState[0], SPORT, 3, 100, "match");
        interests = assign(interests, SPACE, 0.2, 200, "planet");

        InterestState[] next = assign(interests, COOKING, 1, 300, "recipe");

        assertThat(next).extracting(InterestState::articleId).containsExactly("match", "recipe");
    }

    @Test
    void interestsArePublishedStrongestFirst() {
        InterestState[] interests = assign(new InterestState[0], SPORT, 1, 100, "match");
        interests = assign(interests, SPACE, 2, 200, "planet");

        assertThat(Interests.byWeight(interests))
                .extracting(InterestState::articleId)
                .containsExactly("planet", "match");
    }

    private static InterestState[] assign(
            InterestState[] interests, float[] x, double w, long at, String id) {
        return Interests.assign(interests, x, w, at, id, "Title " + id, RULES);
    }
}
