package dev.newsflow.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SearchHitMapperTest {

    private static JsonObject response(JsonObject... hits) {
        return new JsonObject()
                .put("took", 3)
                .put("hits", new JsonObject().put("hits", new JsonArray(List.of((Object[]) hits))));
    }

    private static JsonObject hit(String docId, double score, JsonObject source) {
        return new JsonObject().put("_id", docId).put("_score", score).put("_source", source);
    }

    @Test
    void mapsHitsInOrderWithSourceAndHighlightsButNoEmbedding() {
        // Given
        JsonObject first =
                new JsonObject()
                        .put("id", "a1")
                        .put("title", "Rates rise")
                        .put("embedding", new JsonArray().add(0.1));
        JsonObject highlighted =
                hit("a1", 0.93, first)
                        .put(
                                "highlight",
                                new JsonObject()
                                        .put("title", new JsonArray().add("<em>Rates</em> rise")));
        JsonObject second = new JsonObject().put("id", "b2").put("title", "Storm");

        // When
        List<ArticleHit> hits =
                SearchHitMapper.hits(response(highlighted, hit("b2", 0.41, second)));

        // Then
        assertThat(hits).extracting(ArticleHit::id).containsExactly("a1", "b2");
        assertThat(hits.get(0).source().containsKey("embedding")).isFalse();
        assertThat(hits.get(0).source().getString("title")).isEqualTo("Rates rise");
        assertThat(hits.get(0).highlights().getJsonArray("title").getString(0))
                .isEqualTo("<em>Rates</em> rise");
        assertThat(hits.get(1).highlights().isEmpty()).isTrue();
    }

    @Test
    void fallsBackToTheDocumentIdWhenTheSourceHasNone() {
        List<ArticleHit> hits = SearchHitMapper.hits(response(hit("doc-7", 1.0, new JsonObject())));

        assertThat(hits).extracting(ArticleHit::id).containsExactly("doc-7");
    }

    @Test
    void noHitsGiveNoResults() {
        assertThat(SearchHitMapper.hits(response())).isEmpty();
        assertThat(SearchHitMapper.hits(new JsonObject())).isEmpty();
        assertThat(SearchHitMapper.firstArticle(response())).isEmpty();
    }

    @Test
    void firstArticleIsTheStoredSourceWithoutEmbedding() {
        // Given
        JsonObject source =
                new JsonObject()
                        .put("id", "a1")
                        .put("title", "Rates rise")
                        .put("embedding", new JsonArray().add(0.1));

        // When
        Optional<JsonObject> article = SearchHitMapper.firstArticle(response(hit("a1", 1, source)));

        // Then
        assertThat(article).contains(new JsonObject().put("id", "a1").put("title", "Rates rise"));
        assertThat(source.containsKey("embedding")).as("input left untouched").isTrue();
    }

    @Test
    void snippetPrefersTheSummary() {
        assertThat(SearchHitMapper.snippet("Summary.", "Text.")).isEqualTo("Summary.");
        assertThat(SearchHitMapper.snippet("  ", " Text. ")).isEqualTo("Text.");
        assertThat(SearchHitMapper.snippet(null, null)).isNull();
        assertThat(SearchHitMapper.snippet(null, " ")).isNull();
    }

    @Test
    void longTextIsCutAtAWordBoundaryWithinTheLimit() {
        // Given 80 words of 4 letters plus a space: 400 characters
        String text = "word ".repeat(80).strip();

        // When
        String snippet = SearchHitMapper.snippet(null, text);

        // Then
        assertThat(snippet).endsWith("word…").hasSizeLessThanOrEqualTo(301);
        assertThat(snippet.length()).isGreaterThan(290);
        assertThat(text).startsWith(snippet.substring(0, snippet.length() - 1));
    }

    @Test
    void aSingleHugeTokenIsCutAtTheLimit() {
        String snippet = SearchHitMapper.snippet(null, "x".repeat(1_000));

        assertThat(snippet).hasSize(SearchHitMapper.SNIPPET_LENGTH + 1).endsWith("x…");
    }
}
