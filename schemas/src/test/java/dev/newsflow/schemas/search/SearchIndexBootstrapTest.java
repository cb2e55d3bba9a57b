package dev.newsflow.schemas.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SearchIndexBootstrapTest {

    @Test
    void mappingUpdateCarriesTheTemplatesPropertiesIncludingAuthorAndImageUrl() throws Exception {
        JsonNode properties =
                new ObjectMapper()
                        .readTree(SearchIndexBootstrap.templateProperties(SearchIndex.ARTICLES));

        assertThat(properties.at("/author/type").asText()).isEqualTo("text");
        assertThat(properties.at("/author/fields/keyword/type").asText()).isEqualTo("keyword");
        assertThat(properties.at("/imageUrl/index").asBoolean(true)).isFalse();
        assertThat(properties.at("/embedding/dimension").asInt()).isEqualTo(384);
    }

    @Test
    void personasTemplateStoresTheVectorsAsKnnVectorsWithoutGraphs() throws Exception {
        JsonNode template = new ObjectMapper().readTree(SearchIndex.PERSONAS.templateJson());
        JsonNode properties =
                new ObjectMapper()
                        .readTree(SearchIndexBootstrap.templateProperties(SearchIndex.PERSONAS));

        // Updated on every interaction: HNSW graphs would cost more than the job (docs/personas.md)
        assertThat(template.at("/template/settings/index/knn").asBoolean(true)).isFalse();
        assertThat(properties.at("/vector/type").asText()).isEqualTo("knn_vector");
        assertThat(properties.at("/vector/dimension").asInt()).isEqualTo(384);
        assertThat(properties.at("/negativeVector/type").asText()).isEqualTo("knn_vector");
        assertThat(properties.at("/interests/type").asText()).isEqualTo("nested");
        assertThat(properties.at("/interests/properties/centroid/type").asText())
                .isEqualTo("knn_vector");
        assertThat(properties.at("/interests/properties/centroid/space_type").asText())
                .isEqualTo("cosinesimil");
        assertThat(properties.at("/seenArticleIds/index").asBoolean(true))
                .as("read, not searched")
                .isFalse();
    }

    @Test
    void anIndexWithEveryTemplateFieldNeedsNoMappingUpdateOneMissingANestedFieldDoes() {
        String template =
                "{\"id\":{\"type\":\"keyword\"},\"c\":{\"type\":\"object\",\"properties\":"
                        + "{\"x\":{\"type\":\"float\"}}}}";
        String complete =
                "{\"stories-v1\":{\"mappings\":{\"properties\":{\"id\":{\"type\":\"keyword\"},"
                        + "\"c\":{\"properties\":{\"x\":{\"type\":\"float\"}}},"
                        + "\"extra\":{\"type\":\"long\"}}}}}";
        String missingNested =
                "{\"stories-v1\":{\"mappings\":{\"properties\":{\"id\":{\"type\":\"keyword\"},"
                        + "\"c\":{\"properties\":{}}}}}}";

        assertThat(SearchIndexBootstrap.hasEveryField(template, complete, SearchIndex.STORIES))
                .isTrue();
        assertThat(SearchIndexBootstrap.hasEveryField(template, missingNested, SearchIndex.STORIES))
                .isFalse();
    }
}
