package dev.newsflow.query.feed;

import static dev.newsflow.query.feed.FeedFixtures.NOW;
import static dev.newsflow.query.feed.FeedFixtures.article;
import static dev.newsflow.query.feed.FeedFixtures.interest;
import static dev.newsflow.query.feed.FeedFixtures.persona;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.query.config.FeedConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class WhyThisTest {

    private final FeedConfig config = FeedConfig.defaults();
    private final FeedRanker ranker = new FeedRanker(config);
    private final FeedPersona fan =
            persona(
                    new float[] {1, 0, 0},
                    null,
                    List.of(
                            interest("f1", "Rovers win the cup final", 1, 0, 0),
                            interest("a1", "Water on an exoplanet", 0, 1, 0)));

    @Test
    void aSimilarArticleNamesTheNearestInterestsArticle() {
        FeedRanker.Scored s = ranker.score(article("x", "s", "st", 0.2, 0, 1, 0.1f), fan, NOW);

        assertThat(WhyThis.explain(s, fan, 4, config))
                .isEqualTo("close to what you liked: Water on an exoplanet");
    }

    @Test
    void anImportantButDissimilarArticleIsATopStory() {
        FeedRanker.Scored s = ranker.score(article("x", "s", "st", 0.9, 0, 0, 1), fan, NOW);

        assertThat(WhyThis.explain(s, fan, 7, config)).isEqualTo("top story: 7 sources");
        assertThat(WhyThis.explain(s, fan, 1, config)).isEqualTo("top story: 1 source");
        assertThat(WhyThis.explain(s, fan, null, config)).isEqualTo("top story");
    }

    @Test
    void coldStartItemsAreTopStories() {
        FeedPersona none = FeedPersona.none("bob");
        FeedRanker.Scored s = ranker.score(article("x", "s", "st", 0.1, 1, 0, 0), none, NOW);

        assertThat(WhyThis.explain(s, none, 3, config)).isEqualTo("top story: 3 sources");
    }

    @Test
    void personaDocumentIsReadAsThePersonaJobWritesIt() {
        JsonObject doc =
                new JsonObject()
                        .put("userId", "alice")
                        .put("version", 9L)
                        .put("vector", new JsonArray().add(1.0).add(0.0))
                        .put(
                                "interests",
                                new JsonArray()
                                        .add(interestJson("weak", 0.5, 0.0, 1.0))
                                        .add(interestJson("strong", 2.0, 1.0, 0.0)))
                        .put("likedArticleIds", new JsonArray().add("l"))
                        .put("rejectedArticleIds", new JsonArray().add("r"))
                        .put("seenArticleIds", new JsonArray().add("s").add("l"));

        FeedPersona p = FeedPersona.fromDocument("alice", doc);

        assertThat(p.version()).isEqualTo(9);
        assertThat(p.personal()).isTrue();
        assertThat(p.negative()).isNull();
        assertThat(p.interests())
                .extracting(FeedPersona.Interest::articleId)
                .containsExactly("strong", "weak");
        assertThat(p.queryVectors()).hasSize(3);
        assertThat(p.excluded()).containsExactlyInAnyOrder("l", "r", "s");
        assertThat(FeedPersona.fromDocument("bob", new JsonObject().put("version", 3L)).personal())
                .isFalse();
    }

    private static JsonObject interestJson(String articleId, double weight, double x, double y) {
        return new JsonObject()
                .put("centroid", new JsonArray().add(x).add(y))
                .put("weight", weight)
                .put("count", 1)
                .put("articleId", articleId)
                .put("title", "T " + articleId);
    }
}
