package dev.newsflow.jobs.functions.persona;

import dev.newsflow.jobs.functions.Vectors;
import dev.newsflow.schemas.EnrichedArticle;

/** What the persona job keeps per article (keyed state, with a TTL): its embedding and title. */
public record ArticleVector(float[] embedding, String title) {

    public static ArticleVector of(EnrichedArticle article) {
        return new ArticleVector(Vectors.toArray(article.getEmbedding()), article.getTitle());
    }
}
