package dev.newsflow.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Custom resources checked against the OpenAPI schema of their published CustomResourceDefinition,
 * strictly: an object schema that lists its properties admits no others (what {@code kubectl apply
 * --validate=strict} enforces) unless it carries {@code x-kubernetes-preserve-unknown-fields}.
 *
 * <p>FlinkDeployment's CRD is the one the Flink Kubernetes Operator publishes in its API jar on
 * Maven Central ({@code flink-kubernetes-operator-api}, {@code META-INF/fabric8}); the same file is
 * {@code helm/flink-kubernetes-operator/crds/} of the operator's chart.
 */
final class CrdSchemas {

    private static final Map<String, String> CRDS =
            Map.of(
                    "flink.apache.org/v1beta1/FlinkDeployment",
                    "/META-INF/fabric8/flinkdeployments.flink.apache.org-v1.yml");

    private static final JsonSchemaFactory FACTORY =
            JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);

    private static final JsonNode TEXT =
            RenderedChart.YAML.createObjectNode().put("type", "string");
    private static final JsonNode METADATA =
            RenderedChart.YAML.createObjectNode().put("type", "object");

    private CrdSchemas() {}

    /** Compiled schemas by apiVersion/kind: the FlinkDeployment CRD alone is 0.5 MB. */
    private static final Map<String, JsonSchema> COMPILED = new ConcurrentHashMap<>();

    /** The schema of {@code apiVersion/kind}, if a published CRD for it is on the classpath. */
    static Optional<JsonSchema> schema(String apiVersion, String kind) {
        String key = apiVersion + "/" + kind;
        if (!CRDS.containsKey(key)) {
            return Optional.empty();
        }
        return Optional.of(COMPILED.computeIfAbsent(key, k -> compile(apiVersion, CRDS.get(k))));
    }

    private static JsonSchema compile(String apiVersion, String resource) {
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        JsonNode crd = read(resource);
        for (JsonNode served : crd.path("spec").path("versions")) {
            if (served.path("name").asText().equals(version)) {
                ObjectNode schema = served.path("schema").path("openAPIV3Schema").deepCopy();
                // The API server supplies these three for every kind; some generated CRDs omit them
                ObjectNode properties = schema.withObjectProperty("properties");
                properties.putIfAbsent("apiVersion", TEXT);
                properties.putIfAbsent("kind", TEXT);
                properties.putIfAbsent("metadata", METADATA);
                return FACTORY.getSchema(strict(schema));
            }
        }
        throw new IllegalStateException(resource + " does not define version " + version);
    }

    /** Validation messages of {@code document}; empty when it conforms. */
    static List<String> problems(JsonSchema schema, JsonNode document) {
        return schema.validate(document).stream().map(ValidationMessage::getMessage).toList();
    }

    /**
     * Closes every object schema that lists properties and does not preserve unknown fields, and
     * drops the Kubernetes extensions (x-kubernetes-*), which JSON Schema does not know.
     */
    static JsonNode strict(JsonNode schema) {
        if (!(schema instanceof ObjectNode node)) {
            return schema;
        }
        boolean open = node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        node.properties().removeIf(e -> e.getKey().startsWith("x-kubernetes-"));
        if (node.has("properties") && !node.has("additionalProperties") && !open) {
            node.put("additionalProperties", false);
        }
        node.path("properties").forEach(CrdSchemas::strict);
        for (String key : List.of("items", "additionalProperties", "not")) {
            strict(node.get(key));
        }
        for (String key : List.of("allOf", "anyOf", "oneOf")) {
            node.path(key).forEach(CrdSchemas::strict);
        }
        return schema;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = CrdSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " not on the test classpath");
            }
            return RenderedChart.YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
