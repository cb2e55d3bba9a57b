package dev.newsflow.jobs.functions.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.newsflow.inference.client.TritonClient;
import dev.newsflow.inference.server.InferenceServer;
import dev.newsflow.inference.server.InferenceServerConfig;
import dev.newsflow.jobs.functions.Vectors;
import dev.newsflow.jobs.testing.TopicArticles;
import dev.newsflow.schemas.Interest;
import dev.newsflow.schemas.Persona;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Cold-start seeding against the real local inference server (MiniLM over gRPC). */
class PersonaSeedsTest {

    private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");

    private static InferenceServer server;
    private static TritonClient client;

    @BeforeAll
    static void start() {
        server = InferenceServer.start(InferenceServerConfig.defaults().withPort(0));
        client = TritonClient.connect(server.host(), server.port(), Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void eachUnrelatedTopicBecomesAnInterestNearestToArticlesOnIt() {
        Persona seed =
                PersonaSeeds.seed(
                        client,
                        "new-user",
                        List.of("football", "astronomy and space"),
                        AT,
                        PersonaRules.defaults());

        assertThat(seed.getInterests())
                .extracting(Interest::getArticleId)
                .containsExactlyInAnyOrder("topic:football", "topic:astronomy and space");
        for (Interest interest : seed.getInterests()) {
            String nearest = nearestArticleTitle(Vectors.toArray(interest.getCentroid()));
            boolean football = interest.getTitle().equals("football");
            assertThat(isFootball(nearest))
                    .as("%s: nearest article %s", interest.getTitle(), nearest)
                    .isEqualTo(football);
        }
        assertThat(Vectors.norm(Vectors.toArray(seed.getVector()))).isCloseTo(1, within(1e-6));
    }

    @Test
    void aSeedIsNoInteractionAndAnyLaterInteractionSupersedesIt() {
        Persona seed =
                PersonaSeeds.seed(
                        client, "new-user", List.of("football"), AT, PersonaRules.defaults());

        assertThat(seed.getUserId()).isEqualTo("new-user");
        assertThat(seed.getInteractionCount()).isZero();
        assertThat(seed.getVersion()).isEqualTo(AT.toEpochMilli());
        assertThat(seed.getUpdatedAt()).isEqualTo(AT);
        assertThat(seed.getLikedArticleIds()).isEmpty();
        assertThat(seed.getSeenArticleIds()).isEmpty();
        assertThat(seed.getNegativeVector()).isNull();
    }

    @Test
    void similarTopicsShareOneInterest() {
        Persona seed =
                PersonaSeeds.seed(
                        client,
                        "new-user",
                        List.of("football matches", "soccer games"),
                        AT,
                        PersonaRules.defaults());

        assertThat(seed.getInterests())
                .singleElement()
                .extracting(Interest::getCount)
                .isEqualTo(2L);
    }

    @Test
    void aBlankTopicIsRejected() {
        assertThatThrownBy(
                        () ->
                                PersonaSeeds.seed(
                                        client, "u", List.of(" "), AT, PersonaRules.defaults()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String nearestArticleTitle(float[] vector) {
        List<String[]> all = new ArrayList<>(TopicArticles.FOOTBALL);
        all.addAll(TopicArticles.ASTROPHYSICS);
        float[][] embeddings = client.embed(all.stream().map(a -> a[0] + "\n\n" + a[1]).toList());
        int best =
                java.util.stream.IntStream.range(0, all.size())
                        .boxed()
                        .max(Comparator.comparingDouble(i -> Vectors.cosine(vector, embeddings[i])))
                        .orElseThrow();
        return all.get(best)[0];
    }

    private static boolean isFootball(String title) {
        return TopicArticles.FOOTBALL.stream().anyMatch(a -> a[0].equals(title));
    }
}
