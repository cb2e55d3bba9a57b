package dev.newsflow.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import dev.newsflow.helm.RenderedChart.Document;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rendered document is a Kubernetes object that the API server (core kinds) or its operator
 * (custom resources) would accept as written: read strictly into fabric8's or Strimzi's models, or
 * validated against the published CRD schema.
 */
class ManifestValidationTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.newsflow.helm.RenderedChart#renders")
    void everyDocumentIsAKubernetesObject(String values, Supplier<List<Document>> render) {
        assertThat(render.get())
                .allSatisfy(
                        d -> {
                            assertThat(d.apiVersion()).as("apiVersion of %s", d).isNotBlank();
                            assertThat(d.kind()).as("kind in %s", d.source()).isNotBlank();
                            assertThat(d.name())
                                    .as("metadata.name of %s", d)
                                    .matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?")
                                    .hasSizeLessThanOrEqualTo(253);
                            assertThat(d.tree().path("metadata").has("namespace"))
                                    .as("%s leaves the namespace to helm/kubectl", d)
                                    .isFalse();
                        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.newsflow.helm.RenderedChart#renders")
    void everyDocumentValidatesAgainstItsKind(String values, Supplier<List<Document>> render) {
        List<String> problems = new ArrayList<>();
        for (Document d : render.get()) {
            for (String problem : problems(d)) {
                problems.add(d + ": " + problem);
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.newsflow.helm.RenderedChart#renders")
    void namesAreUniquePerKind(String values, Supplier<List<Document>> render) {
        Set<String> seen = new HashSet<>();
        assertThat(render.get())
                .allSatisfy(
                        d -> assertThat(seen.add(d.kind() + "/" + d.name())).as("%s", d).isTrue());
    }

    @Test
    void validationCatchesMisspeltFieldsAndValues() {
        // Given a misspelt field in a core kind, in a CRD-validated kind and in Strimzi's kinds,
        // and a listener type Strimzi does not have
        Document deployment = firstOfKind("Deployment");
        object(deployment, "/spec/template/spec/containers/0").put("readinesProbe", "typo");
        Document flink = firstOfKind("FlinkDeployment");
        object(flink, "/spec/job").put("upgradeMod", "savepoint");
        Document topic = firstOfKind("KafkaTopic");
        object(topic, "/spec").put("replica", 3);
        Document kafka = firstOfKind("Kafka");
        object(kafka, "/spec/kafka/listeners/0").put("type", "internall");
        Document monitor = firstOfKind("ServiceMonitor");
        object(monitor, "/spec/endpoints/0").put("intervall", "30s");

        // Then each is reported, naming what is wrong
        assertThat(problems(deployment)).singleElement().asString().contains("readinesProbe");
        assertThat(problems(flink)).singleElement().asString().contains("upgradeMod");
        assertThat(problems(topic)).singleElement().asString().contains("replica");
        assertThat(problems(kafka)).singleElement().asString().contains("internall");
        assertThat(problems(monitor)).singleElement().asString().contains("intervall");
    }

    /** Problems of one document; a kind without a validator is a problem itself. */
    private static List<String> problems(Document d) {
        Optional<JsonSchema> crd = CrdSchemas.schema(d.apiVersion(), d.kind());
        if (crd.isPresent()) {
            return CrdSchemas.problems(crd.get(), d.tree());
        }
        return TypedKinds.model(d.apiVersion(), d.kind())
                .map(model -> TypedKinds.problems(d.tree(), model))
                .orElse(List.of("no validator for " + d.apiVersion() + " " + d.kind()));
    }

    /** A fresh copy of the first document of {@code kind} in the default render. */
    private static Document firstOfKind(String kind) {
        Document d = RenderedChart.ofKind(RenderedChart.defaults(), kind).findFirst().orElseThrow();
        JsonNode copy = d.tree().deepCopy();
        return new Document(d.source(), d.text(), copy);
    }

    private static ObjectNode object(Document d, String pointer) {
        return (ObjectNode) d.tree().at(pointer);
    }
}
