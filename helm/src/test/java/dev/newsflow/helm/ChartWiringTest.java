package dev.newsflow.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.helm.RenderedChart.Document;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rendered objects refer to each other correctly: Services, PodDisruptionBudgets and
 * NetworkPolicies select pods that exist and name ports those pods have, the autoscaler scales a
 * Deployment of the chart, the ServiceMonitor finds Services with its port, and the jobs' Kafka,
 * OpenSearch and inference endpoints are Services of the chart.
 */
class ChartWiringTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.newsflow.helm.RenderedChart#renders")
    void servicesSelectPodsWithTheirTargetPorts(String values, Supplier<List<Document>> render) {
        List<PodTemplate> pods = PodTemplate.of(render.get());
        for (Document service : RenderedChart.ofKind(render.get(), "Service").toList()) {
            List<PodTemplate> selected = selected(pods, service.tree().at("/spec/selector"));
            assertThat(selected).as("pods of %s", service).isNotEmpty();
            for (JsonNode port : service.tree().at("/spec/ports")) {
                assertThat(selected)
                        .as("%s port %s", service, port)
                        .allMatch(p -> p.hasPort(port.path("targetPort")));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.newsflow.helm.RenderedChart#renders")
    void budgetsAndPoliciesSelectPods(String values, Supplier<List<Document>> render) {
        List<PodTemplate> pods = PodTemplate.of(render.get());
        for (Document d : render.get()) {
            JsonNode selector =
                    switch (d.kind()) {
                        case "PodDisruptionBudget" -> d.tree().at("/spec/selector/matchLabels");
                        case "NetworkPolicy" -> d.tree().at("/spec/podSelector/matchLabels");
                        default -> null;
                    };
            if (selector != null) {
                assertThat(selected(pods, selector)).as("pods of %s", d).isNotEmpty();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.newsflow.helm.RenderedChart#renders")
    void autoscalerTargetsADeploymentOfTheChart(String values, Supplier<List<Document>> render) {
        Set<String> deployments = new HashSet<>();
        RenderedChart.ofKind(render.get(), "Deployment").forEach(d -> deployments.add(d.name()));
        for (Document hpa :
                RenderedChart.ofKind(render.get(), "HorizontalPodAutoscaler").toList()) {
            assertThat(hpa.tree().at("/spec/scaleTargetRef/kind").asText()).isEqualTo("Deployment");
            assertThat(deployments).contains(hpa.tree().at("/spec/scaleTargetRef/name").asText());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.newsflow.helm.RenderedChart#renders")
    void serviceMonitorFindsTritonAndFlink(String values, Supplier<List<Document>> render) {
        Document monitor =
                RenderedChart.ofKind(render.get(), "ServiceMonitor").findFirst().orElseThrow();
        JsonNode selector = monitor.tree().at("/spec/selector/matchLabels");
        String port = monitor.tree().at("/spec/endpoints/0/port").asText();

        List<Document> scraped =
                RenderedChart.ofKind(render.get(), "Service")
                        .filter(s -> PodTemplate.matches(s.tree().at("/metadata/labels"), selector))
                        .toList();

        assertThat(scraped).extracting(Document::name).anyMatch(n -> n.endsWith("-triton"));
        assertThat(scraped).extracting(Document::name).anyMatch(n -> n.endsWith("-flink-metrics"));
        for (Document service : scraped) {
            assertThat(service.tree().at("/spec/ports").findValuesAsText("name"))
                    .as("ports of %s", service)
                    .contains(port);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.newsflow.helm.RenderedChart#renders")
    void jobsCallServicesOfTheChart(String values, Supplier<List<Document>> render) {
        // Given every host:port the chart serves, Strimzi's bootstrap Service included
        Set<String> served = new HashSet<>();
        for (Document service : RenderedChart.ofKind(render.get(), "Service").toList()) {
            service.tree()
                    .at("/spec/ports")
                    .forEach(p -> served.add(service.name() + ":" + p.path("port").asInt()));
        }
        RenderedChart.ofKind(render.get(), "Kafka")
                .forEach(kafka -> served.add(kafka.name() + "-kafka-bootstrap:9092"));

        // Then every endpoint a job is given is one of them
        for (PodTemplate job : PodTemplate.of(render.get())) {
            if (!job.owner().kind().equals("FlinkDeployment")) {
                continue;
            }
            var env = job.env();
            assertThat(served).contains(env.get("NEWSFLOW_KAFKA_BOOTSTRAP"));
            if (env.containsKey("NEWSFLOW_OPENSEARCH_URL")) {
                assertThat(served)
                        .contains(env.get("NEWSFLOW_OPENSEARCH_URL").replace("http://", ""));
            }
            if (env.containsKey("NEWSFLOW_INFERENCE_HOST")) {
                assertThat(served)
                        .contains(
                                env.get("NEWSFLOW_INFERENCE_HOST")
                                        + ":"
                                        + env.get("NEWSFLOW_INFERENCE_PORT"));
            }
        }
    }

    private static List<PodTemplate> selected(List<PodTemplate> pods, JsonNode selector) {
        return pods.stream().filter(p -> p.matches(selector)).toList();
    }
}
