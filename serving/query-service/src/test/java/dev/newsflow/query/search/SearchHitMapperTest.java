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
    void mapsHitsInOrderWithTheirScores() {
        // Given
        JsonObject first =
                new JsonObject()
                        .put("id", "a1")
                        .put("title", "Rates rise")
                        .put("url", "https://news.example/a1")
                        .put("source", "example")
                        .put("summary", "The central bank raised rates.")
                        .put("text", "Long text")
                        .put("publishedAt", "2025-01-02T03:04:05Z");
        JsonObject second = new JsonObject().put("id", "b2").put("title", "Storm");

        // When
        List<SearchResult> results =
                SearchHitMapper.results(response(hit("a1", 0.93, first), hit("b2", 0.41, second)));

        // Then
        assertThat(results)
                .containsExactly(
                        new SearchResult(
                                "a1",
                                "Rates rise",
                                "https://news.example/a1",
                                "example",
                                "The central bank raised rates.",
                                "2025-01-02T03:04:05Z",
                                0.93),
                        new SearchResult("b2", "Storm", null, null, null, null, 0.41));
    }

    @Test
    void fallsBackToTheDocumentIdWhenTheSourceHasNone() {
        List<SearchResult> results =
                SearchHitMapper.results(response(hit("doc-7", 1.0, new JsonObject())));

        assertThat(results).extracting(SearchResult::id).containsExactly("doc-7");
    }

    @Test
    void noHitsGiveNoResults() {
        assertThat(SearchHitMapper.results(response())).isEmpty();
        assertThat(SearchHitMapper.results(new JsonObject())).isEmpty();
        assertThat(SearchHitMapper.firstArticle(response())).isEmpty();
    }

    @Test
    void resultJsonCarriesNoEmbeddingOrText() {
        // Given
        JsonObject source =
                new JsonObject()
                        .put("id", "a1")
                        .put("text", "body")
                        .put("embedding", new JsonArray().add(0.1).add(0.2));

        // When
        JsonObject json = SearchHitMapper.results(response(hit("a1", 0.5, source))).get(0).toJson();

        // Then
        assertThat(json.fieldNames())
                .containsExactlyInAnyOrder(
                        "id", "title", "url", "source", "summary", "publishedAt", "score");
        assertThat(json.getString("summary")).isEqualTo("body");
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
