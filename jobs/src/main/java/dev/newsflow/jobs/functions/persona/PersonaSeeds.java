package dev.newsflow.jobs.functions.persona;

import dev.newsflow.inference.client.InferenceClient;
import dev.newsflow.schemas.InteractionType;
import dev.newsflow.schemas.Persona;
import java.time.Instant;
import java.util.List;

/**
 * Cold start: a persona for a new user from the topics they picked ("football", "exoplanets"),
 * embedded on the inference server with the model that embeds the articles. Each topic counts as
 * one like of a pseudo-article (id {@code topic:<text>}, title the text), folded in with the same
 * rules as real likes, so similar topics share an interest and the persona can be searched like any
 * other. A seed is no interaction: its count is 0 and its version the seeding time, so the user's
 * first real interaction supersedes it. See docs/personas.md for how it is published.
 */
public final class PersonaSeeds {

    public static final String TOPIC_PREFIX = "topic:";

    private PersonaSeeds() {}

    public static Persona seed(
            InferenceClient inference,
            String userId,
            List<String> topics,
            Instant at,
            PersonaRules rules) {
        if (topics.isEmpty() || topics.stream().anyMatch(t -> t == null || t.isBlank())) {
            throw new IllegalArgumentException("need at least one topic, none blank: " + topics);
        }
        float[][] vectors = inference.embed(topics);
        PersonaState state = PersonaState.empty();
        for (int i = 0; i < topics.size(); i++) {
            String topic = topics.get(i).trim();
            state =
                    PersonaUpdate.apply(
                            state,
                            new ArticleInteraction(
                                    "seed-" + i,
                                    userId,
                                    TOPIC_PREFIX + topic,
                                    InteractionType.LIKE,
                                    at.toEpochMilli(),
                                    vectors[i],
                                    topic),
                            rules);
        }
        return Persona.newBuilder(PersonaRecords.toPersona(userId, state, rules))
                .setInteractionCount(0)
                .setVersion(at.toEpochMilli())
                .setLikedArticleIds(List.of())
                .setSeenArticleIds(List.of())
                .build();
    }
}
