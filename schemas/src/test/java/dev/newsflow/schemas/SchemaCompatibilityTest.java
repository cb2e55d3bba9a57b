package dev.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class SchemaCompatibilityTest {

    private static final Schema V1 =
            schema(
                    "{\"name\":\"id\",\"type\":\"string\"}",
                    "{\"name\":\"title\",\"type\":\"string\"}");

    @Test
    void addingAnOptionalFieldWithDefaultIsCompatible() {
        Schema next =
                schema(
                        "{\"name\":\"id\",\"type\":\"string\"}",
                        "{\"name\":\"title\",\"type\":\"string\"}",
                        "{\"name\":\"summary\",\"type\":[\"null\",\"string\"],\"default\":null}");

        assertThat(SchemaCompatibility.problems(V1, next)).isEmpty();
    }

    @Test
    void addingAFieldWithoutDefaultBreaksNewReadersOfOldData() {
        Schema next =
                schema(
                        "{\"name\":\"id\",\"type\":\"string\"}",
                        "{\"name\":\"title\",\"type\":\"string\"}",
                        "{\"name\":\"summary\",\"type\":\"string\"}");

        assertThat(SchemaCompatibility.problems(V1, next))
                .singleElement()
                .asString()
                .startsWith("new readers cannot read data written with the released schema")
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
                .contains("summary");
    }

    @Test
    void removingAFieldWithoutDefaultBreaksOldReaders() {
        Schema next = schema("{\"name\":\"id\",\"type\":\"string\"}");

        assertThat(SchemaCompatibility.problems(V1, next))
                .singleElement()
                .asString()
                .startsWith(
                        "readers on the released schema cannot read data written with the new schema");
    }

    @Test
    void changingATypeBreaksBothDirections() {
        Schema next =
                schema(
                        "{\"name\":\"id\",\"type\":\"long\"}",
                        "{\"name\":\"title\",\"type\":\"string\"}");

        assertThat(SchemaCompatibility.problems(V1, next)).hasSize(2);
    }

    private static Schema schema(String... fields) {
        return new Schema.Parser()
                .parse(
                        "{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"t\",\"fields\":["
                                + String.join(",", fields)
                                + "]}");
    }
}
