package dev.newsflow.query.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchRequestTest {

    private static final int DEFAULT_K = 10;

    @Test
    void parsesQueryAndK() {
        // When
        SearchRequest request =
                SearchRequest.parse(List.of("  central bank rates "), List.of("25"), DEFAULT_K);

        // Then
        assertThat(request).isEqualTo(new SearchRequest("central bank rates", 25));
    }

    @Test
    void missingKUsesTheDefault() {
        assertThat(SearchRequest.parse(List.of("rates"), List.of(), DEFAULT_K).k()).isEqualTo(10);
        assertThat(SearchRequest.parse(List.of("rates"), null, 7).k()).isEqualTo(7);
    }

    @Test
    void firstValueOfARepeatedParameterCounts() {
        assertThat(SearchRequest.parse(List.of("a", "b"), List.of("3", "4"), DEFAULT_K))
                .isEqualTo(new SearchRequest("a", 3));
    }

    @Test
    void missingOrBlankQueryIsABadRequest() {
        for (List<String> q : List.of(List.<String>of(), List.of(""), List.of("  \t "))) {
            assertThatThrownBy(() -> SearchRequest.parse(q, List.of(), DEFAULT_K))
                    .isInstanceOfSatisfying(
                            ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                    .hasMessageContaining("'q' is required");
        }
    }

    @Test
    void queryUpToTheLimitIsAcceptedAndLongerIsRefused() {
        // Given
        String atLimit = "a".repeat(SearchRequest.MAX_QUERY_LENGTH);
        String overLimit = atLimit + "b";

        // Then
        assertThat(SearchRequest.parse(List.of(atLimit), List.of(), DEFAULT_K).query())
                .hasSize(1_000);
        assertThatThrownBy(() -> SearchRequest.parse(List.of(overLimit), List.of(), DEFAULT_K))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("at most 1000 characters, was 1001");
    }

    @Test
    void kOutsideOneToHundredIsABadRequest() {
        for (String k : List.of("0", "-1", "101", "2147483648")) {
            assertThatThrownBy(() -> SearchRequest.parse(List.of("rates"), List.of(k), DEFAULT_K))
                    .as("k=%s", k)
                    .isInstanceOfSatisfying(
                            ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                    .hasMessageContaining("'k' must be");
        }
        assertThat(SearchRequest.parse(List.of("rates"), List.of("1"), DEFAULT_K).k()).isOne();
        assertThat(SearchRequest.parse(List.of("rates"), List.of("100"), DEFAULT_K).k())
                .isEqualTo(100);
    }

    @Test
    void nonNumericKIsABadRequestQuotingTheValue() {
        assertThatThrownBy(() -> SearchRequest.parse(List.of("rates"), List.of("ten"), DEFAULT_K))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("'k' must be an integer")
                .hasMessageContaining("'ten'");
    }

    @Test
    void parsesFiltersFromAllParameters() {
        // When
        SearchRequest request =
                SearchRequest.fromParams(
                        java.util.Map.of(
                                "q", List.of("rates"),
                                "source", List.of("a.example,b.example", " c.example "),
                                "language", List.of("en"),
                                "from", List.of("2025-06-01"),
                                "to", List.of("2025-06-02T12:00:00Z")),
                        DEFAULT_K);

        // Then
        assertThat(request.filters())
                .isEqualTo(
                        new dev.newsflow.query.search.SearchFilters(
                                List.of("a.example", "b.example", "c.example"),
                                "en",
                                java.time.Instant.parse("2025-06-01T00:00:00Z"),
                                java.time.Instant.parse("2025-06-02T12:00:00Z")));
    }

    @Test
    void aDateAsUpperBoundIncludesTheWholeDay() {
        assertThat(SearchRequest.instant("to", "2025-06-01", true))
                .isEqualTo(java.time.Instant.parse("2025-06-01T23:59:59.999Z"));
        assertThat(SearchRequest.instant("from", "2025-06-01", false))
                .isEqualTo(java.time.Instant.parse("2025-06-01T00:00:00Z"));
    }

    @Test
    void unknownParametersBadDatesAndInvertedRangesAreBadRequests() {
        assertFromParams(java.util.Map.of("q", List.of("x"), "page", List.of("2")), "[page]");
        assertFromParams(java.util.Map.of("q", List.of("x"), "from", List.of("June")), "'from'");
        assertFromParams(java.util.Map.of("q", List.of("x"), "to", List.of("2025-02-30")), "'to'");
        assertFromParams(
                java.util.Map.of(
                        "q",
                        List.of("x"),
                        "from",
                        List.of("2025-02-02"),
                        "to",
                        List.of("2025-02-01")),
                "'from' must not be after 'to'");
        assertFromParams(
                java.util.Map.of("q", List.of("x"), "language", List.of("e".repeat(201))),
                "'language' must be at most 200");
        assertFromParams(
                java.util.Map.of("q", List.of("x"), "source", List.of("s,".repeat(21))),
                "at most 20 values");
    }

    private static void assertFromParams(
            java.util.Map<String, List<String>> params, String message) {
        assertThatThrownBy(() -> SearchRequest.fromParams(params, DEFAULT_K))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining(message);
    }
}
