package dev.newsflow.jobs.functions.persona;

import dev.newsflow.jobs.functions.Vectors;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.Interaction;
import dev.newsflow.schemas.InteractionType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Named fixtures for the persona rules: small orthogonal "topics" and interactions on them. */
final class PersonaEvents {

    static final String USER = "user-1";
    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    static final Duration HALF_LIFE = Duration.ofDays(14);
    static final PersonaRules RULES = PersonaRules.defaults().withHalfLife(HALF_LIFE);

    /** Unit vectors of four unrelated topics, in four dimensions. */
    static final float[] SPORT = {1, 0, 0, 0};

    static final float[] SPACE = {0, 1, 0, 0};
    static final float[] POLITICS = {0, 0, 1, 0};
    static final float[] COOKING = {0, 0, 0, 1};

    private PersonaEvents() {}

    static ArticleInteraction event(
            String eventId, InteractionType type, String articleId, float[] embedding, Instant at) {
        return new ArticleInteraction(
                eventId, USER, articleId, type, at.toEpochMilli(), embedding, "Title " + articleId);
    }

    static ArticleInteraction like(String articleId, float[] embedding, Instant at) {
        return event(
                "like-" + articleId + "-" + at.toEpochMilli(),
                InteractionType.LIKE,
                articleId,
                embedding,
                at);
    }

    static ArticleInteraction dislike(String articleId, float[] embedding, Instant at) {
        return event(
                "dislike-" + articleId + "-" + at.toEpochMilli(),
                InteractionType.DISLIKE,
                articleId,
                embedding,
                at);
    }

    static PersonaState applyAll(List<ArticleInteraction> events) {
        PersonaState state = PersonaState.empty();
        for (ArticleInteraction e : events) {
            state = PersonaUpdate.apply(state, e, RULES);
        }
        return state;
    }

    /** A unit vector between two topics: {@code cos·a + sin·b}. */
    static float[] between(float[] a, float[] b, double cosine) {
        return Vectors.plus(Vectors.scaled(a, cosine), b, Math.sqrt(1 - cosine * cosine));
    }

    static Interaction interaction(String eventId, String articleId, InteractionType type) {
        return Interaction.newBuilder()
                .setEventId(eventId)
                .setUserId(USER)
                .setArticleId(articleId)
                .setType(type)
                .setOccurredAt(T0)
                .build();
    }

    static EnrichedArticle article(String id, float[] embedding) {
        return EnrichedArticle.newBuilder()
                .setId(id)
                .setUrl("https://a.example/" + id)
                .setSource("a.example")
                .setTitle("Title " + id)
                .setText("Text of " + id)
                .setEmbedding(Vectors.toList(embedding))
                .setEmbeddingModel("test")
                .setFetchedAt(T0)
                .setEnrichedAt(T0)
                .build();
    }
}
