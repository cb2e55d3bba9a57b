package dev.newsflow.jobs.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.jobs.testing.Articles;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.search.EmbeddingBytes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArticleDocumentsTest {

    @Test
    void writesAuthorAndImageUrl() {
        EnrichedArticle article = Articles.extracted(1);
        article.setAuthor("Jane Doe");
        article.setImageUrl("https://cdn.example/a.jpg");

        Map<String, Object> doc = ArticleDocuments.toDocument(article);

        assertThat(doc)
                .containsEntry("author", "Jane Doe")
                .containsEntry("imageUrl", "https://cdn.example/a.jpg");
    }

    @Test
    void writesTheEmbeddingAlsoAsDocValueBytes() {
        EnrichedArticle article = Articles.extracted(1);
        article.setEmbedding(List.of(1.0f, -2.0f));

        Map<String, Object> doc = ArticleDocuments.toDocument(article);

        assertThat(doc).containsEntry("embedding", List.of(1.0f, -2.0f));
        assertThat(EmbeddingBytes.decode((String) doc.get("embeddingBytes")))
                .containsExactly(1.0f, -2.0f);
    }
}
