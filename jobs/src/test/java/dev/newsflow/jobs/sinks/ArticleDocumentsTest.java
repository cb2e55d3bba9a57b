package dev.newsflow.jobs.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.jobs.testing.Articles;
import dev.newsflow.schemas.EnrichedArticle;
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
}
