package dev.newsflow.helm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.helm.RenderedChart.Document;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pods a rendered workload runs: Deployments and StatefulSets, and the FlinkDeployments' pod
 * template (which the operator applies to JobManagers and TaskManagers).
 */
record PodTemplate(Document owner, JsonNode labels, JsonNode spec) {

    static List<PodTemplate> of(List<Document> documents) {
        List<PodTemplate> pods = new ArrayList<>();
        for (Document d : documents) {
            String pointer =
                    switch (d.kind()) {
                        case "Deployment", "StatefulSet" -> "/spec/template";
                        case "FlinkDeployment" -> "/spec/podTemplate";
                        default -> null;
                    };
            if (pointer != null) {
                JsonNode template = d.tree().at(pointer);
                pods.add(
                        new PodTemplate(d, template.at("/metadata/labels"), template.path("spec")));
            }
        }
        return pods;
    }

    /** Whether a label selector ({@code matchLabels} or a Service's selector) picks these pods. */
    boolean matches(JsonNode selector) {
        return matches(labels, selector);
    }

    static boolean matches(JsonNode labels, JsonNode selector) {
        if (selector.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> wanted : selector.properties()) {
            if (!wanted.getValue().asText().equals(labels.path(wanted.getKey()).asText())) {
                return false;
            }
        }
        return true;
    }

    List<JsonNode> containers() {
        List<JsonNode> containers = new ArrayList<>();
        spec.path("initContainers").forEach(containers::add);
        spec.path("containers").forEach(containers::add);
        return containers;
    }

    /** Whether a container declares the port a Service's {@code targetPort} names or numbers. */
    boolean hasPort(JsonNode targetPort) {
        Set<String> ports = new HashSet<>();
        for (JsonNode container : containers()) {
            for (JsonNode port : container.path("ports")) {
                ports.add(port.path("name").asText());
                ports.add(port.path("containerPort").asText());
            }
        }
        return ports.contains(targetPort.asText());
    }

    /** Name → value of the variables set on any container. */
    Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode container : containers()) {
            container
                    .path("env")
                    .forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
        }
        return env;
    }

    /** Images of the containers, and a FlinkDeployment's own {@code spec.image}. */
    List<String> images() {
        List<String> images = new ArrayList<>();
        if (owner.kind().equals("FlinkDeployment")) {
            images.add(owner.tree().at("/spec/image").asText());
        }
        containers().stream()
                .filter(c -> c.has("image"))
                .forEach(c -> images.add(c.path("image").asText()));
        return images;
    }
}
