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
}
