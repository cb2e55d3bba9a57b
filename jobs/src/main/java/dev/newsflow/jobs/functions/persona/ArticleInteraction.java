package dev.newsflow.jobs.functions.persona;

import dev.newsflow.schemas.Interaction;
import dev.newsflow.schemas.InteractionType;

/**
 * An interaction joined with the embedding and title of its article: what the persona update needs,
 * keyed by user from here on.
 *
 * @param occurredAt event time, epoch ms
 */
public record ArticleInteraction(
        String eventId,
        String userId,
        String articleId,
        InteractionType type,
        long occurredAt,
        float[] embedding,
        String title) {

    public static ArticleInteraction of(Interaction interaction, ArticleVector article) {
        return new ArticleInteraction(
                interaction.getEventId(),
                interaction.getUserId(),
                interaction.getArticleId(),
                interaction.getType(),
                interaction.getOccurredAt().toEpochMilli(),
                article.embedding(),
                article.title());
    }
}
