package dev.newsflow.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleIdsTest {

    @Test
    void trackingParametersFragmentsAndHostCaseDoNotChangeTheId() {
        String id = ArticleIds.idOf("https://news.example/a/b?id=7");

        assertThat(ArticleIds.idOf("https://NEWS.example:443/a/b?utm_source=x&id=7&fbclid=y#top"))
                .isEqualTo(id);
        assertThat(id).hasSize(32).matches("[0-9a-f]+");
    }

    @Test
    void differentArticlesGetDifferentIds() {
        assertThat(ArticleIds.idOf("https://news.example/a?id=7"))
                .isNotEqualTo(ArticleIds.idOf("https://news.example/a?id=8"));
    }

    @Test
    void canonicalUrlKeepsMeaningfulParts() {
        assertThat(ArticleIds.canonicalUrl("HTTP://News.Example:8080?utm_medium=m&page=2"))
                .isEqualTo("http://news.example:8080/?page=2");
        assertThat(ArticleIds.canonicalUrl("not a url")).isEqualTo("not a url");
    }
}
