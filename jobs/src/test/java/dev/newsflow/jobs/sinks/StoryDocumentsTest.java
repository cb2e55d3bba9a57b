package dev.newsflow.jobs.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.schemas.Story;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoryDocumentsTest {

    static Story story(long version) {
        return Story.newBuilder()
                .setStoryId("s-a1")
                .setHeadline("Sweden drops Assange investigation")
                .setSummary("Prosecutors dropped the case.")
                .setLanguage("en")
                .setArticleIds(List.of("a1", "a2"))
                .setArticleCount(2)
                .setSources(List.of("bbc.com", "apnews.com"))
                .setSourceCount(2)
                .setKeywords(List.of("assange", "sweden"))
                .setCentroid(List.of(0.6f, 0.8f))
                .setFirstSeen(Instant.parse("2025-03-01T08:00:00Z"))
                .setLastSeen(Instant.parse("2025-03-01T08:10:00Z"))
                .setGrowthRate(2.0)
                .setImportance(0.42)
                .setImportanceComponents(Map.of("sources", 0.2, "recency", 0.9, "future", 0.5))
                .setVersion(version)
                .setUpdatedAt(Instant.parse("2025-03-01T08:10:05Z"))
                .build();
    }

    @Test
    void theDocumentHasExactlyTheFieldsOfTheStrictMapping() throws Exception {
        Map<String, Object> doc = StoryDocuments.toDocument(story(3));

        JsonNode mapping = mapping();
        Set<String> mapped = new HashSet<>();
        mapping.path("properties").fieldNames().forEachRemaining(mapped::add);
        assertThat(doc.keySet()).isEqualTo(mapped);
        Set<String> components = new HashSet<>();
        mapping.path("properties")
                .path("importanceComponents")
                .path("properties")
                .fieldNames()
                .forEachRemaining(components::add);
        @SuppressWarnings("unchecked")
        Map<String, Object> written = (Map<String, Object>) doc.get("importanceComponents");
        assertThat(components).containsAll(written.keySet());
    }

    @Test
    void valuesAreWrittenAsTheIndexExpectsThem() {
        Map<String, Object> doc = StoryDocuments.toDocument(story(3));

        assertThat(doc)
                .containsEntry("storyId", "s-a1")
                .containsEntry("firstSeen", "2025-03-01T08:00:00Z")
                .containsEntry("updatedAt", "2025-03-01T08:10:05Z")
                .containsEntry("version", 3L)
                .containsEntry("importance", 0.42)
                .containsEntry("centroid", List.of(0.6f, 0.8f))
                .containsEntry("importanceComponents", Map.of("sources", 0.2, "recency", 0.9));
    }

    private static JsonNode mapping() throws Exception {
        try (InputStream in = Story.class.getResourceAsStream("/opensearch/stories-v1.json")) {
            return new ObjectMapper().readTree(in).path("template").path("mappings");
        }
    }
}
