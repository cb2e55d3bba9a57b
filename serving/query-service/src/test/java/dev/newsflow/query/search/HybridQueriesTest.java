package dev.newsflow.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HybridQueriesTest {

    private static final SearchFilters FILTERS =
            new SearchFilters(
                    List.of("a.example"),
                    "en",
                    Instant.parse("2025-01-01T00:00:00Z"),
                    Instant.parse("2025-02-01T00:00:00Z"));

    @Test
    void bm25MatchesTitleSummaryAndTextWithBoostsAndFilters() {
        JsonObject body = HybridQueries.bm25("rate hike", FILTERS, 20);

        JsonObject bool = body.getJsonObject("query").getJsonObject("bool");
        JsonObject match = bool.getJsonObject("must").getJsonObject("multi_match");
        assertThat(match.getString("query")).isEqualTo("rate hike");
        assertThat(match.getJsonArray("fields"))
                .isEqualTo(new JsonArray().add("title^3").add("summary^2").add("text"));
        assertThat(bool.getJsonArray("filter")).isEqualTo(FILTERS.clauses());
        assertThat(body.getInteger("size")).isEqualTo(20);
        assertThat(body.getJsonObject("_source").getJsonArray("excludes"))
                .containsExactly("embedding", "embeddingBytes");
        assertThat(body.getJsonObject("highlight").getJsonObject("fields").fieldNames())
                .containsExactlyInAnyOrder("title", "summary", "text");
    }

    @Test
    void knnFiltersInsideTheKnnClauseAndHighlightsTheQueryWords() {
        JsonObject body = HybridQueries.knn("rate hike", new float[] {0.5f, 0.5f}, FILTERS, 20);

        JsonObject knn =
                body.getJsonObject("query").getJsonObject("knn").getJsonObject("embedding");
        assertThat(knn.getInteger("k")).isEqualTo(20);
        assertThat(knn.getJsonArray("vector").getList()).containsExactly(0.5f, 0.5f);
        assertThat(knn.getJsonObject("filter").getJsonObject("bool").getJsonArray("filter"))
                .isEqualTo(FILTERS.clauses());
        assertThat(body.getJsonObject("highlight").getJsonObject("highlight_query").encode())
                .contains("rate hike");
    }

    @Test
    void noFiltersMeansNoFilterClauses() {
        JsonObject bm25 = HybridQueries.bm25("x", SearchFilters.NONE, 20);
        JsonObject knn = HybridQueries.knn("x", new float[] {1f}, SearchFilters.NONE, 20);

        assertThat(bm25.getJsonObject("query").getJsonObject("bool").containsKey("filter"))
                .isFalse();
        assertThat(
                        knn.getJsonObject("query")
                                .getJsonObject("knn")
                                .getJsonObject("embedding")
                                .containsKey("filter"))
                .isFalse();
    }

    @Test
    void filterClausesCoverSourcesLanguageAndDateRange() {
        assertThat(FILTERS.clauses())
                .isEqualTo(
                        new JsonArray()
                                .add(new JsonObject("{\"terms\":{\"source\":[\"a.example\"]}}"))
                                .add(new JsonObject("{\"term\":{\"language\":\"en\"}}"))
                                .add(
                                        new JsonObject(
                                                "{\"range\":{\"publishedAt\":{\"gte\":\"2025-01-01T00:00:00Z\",\"lte\":\"2025-02-01T00:00:00Z\"}}}")));
    }

    @Test
    void windowBringsTwiceKCandidatesWithinBounds() {
        assertThat(HybridSearch.window(1)).isEqualTo(20);
        assertThat(HybridSearch.window(30)).isEqualTo(60);
        assertThat(HybridSearch.window(100)).isEqualTo(200);
    }

    @Test
    void fusedResultsCarryTheHitWithHighlightsAndBothRanks() {
        ArticleHit bm25Hit =
                new ArticleHit(
                        "a",
                        new JsonObject().put("id", "a").put("title", "A").put("importance", 0.7),
                        new JsonObject().put("title", new JsonArray().add("<em>A</em>")));
        ArticleHit knnHitA = new ArticleHit("a", bm25Hit.source(), new JsonObject());
        ArticleHit knnHitB = new ArticleHit("b", new JsonObject().put("id", "b"), new JsonObject());

        List<SearchResult> results =
                HybridSearch.fuse(List.of(bm25Hit), List.of(knnHitB, knnHitA), 5);

        assertThat(results).extracting(SearchResult::id).containsExactly("a", "b");
        assertThat(results.get(0).highlights()).isEqualTo(bm25Hit.highlights());
        assertThat(results.get(0).importance()).isEqualTo(0.7);
        assertThat(results.get(0).bm25Rank()).isEqualTo(1);
        assertThat(results.get(0).knnRank()).isEqualTo(2);
        assertThat(results.get(1).bm25Rank()).isNull();
    }
}
