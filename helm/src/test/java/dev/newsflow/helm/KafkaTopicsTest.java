package dev.newsflow.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.helm.RenderedChart.Document;
import dev.newsflow.schemas.kafka.Topics;
import dev.newsflow.schemas.kafka.Topics.Topic;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The chart's KafkaTopics are the {@link Topics} registry: every topic and no other, with its
 * partitions and its configuration (retention, compaction, message size). Production may raise
 * partitions, never lower them, and may not change the configuration.
 */
class KafkaTopicsTest {

    @Test
    void defaultRenderHasEveryRegisteredTopicAsRegistered() {
        Map<String, JsonNode> rendered = topics(RenderedChart.defaults());

        assertThat(rendered.keySet()).containsExactlyInAnyOrderElementsOf(registered().keySet());
        registered()
                .forEach(
                        (name, topic) -> {
                            JsonNode spec = rendered.get(name);
                            assertThat(spec.path("partitions").asInt())
                                    .as("partitions of %s", name)
                                    .isEqualTo(topic.partitions());
                            assertThat(config(spec))
                                    .as("config of %s", name)
                                    .isEqualTo(topic.config());
                        });
    }

    @Test
    void productionOnlyRaisesPartitions() {
        Map<String, JsonNode> rendered = topics(RenderedChart.production());

        assertThat(rendered.keySet()).containsExactlyInAnyOrderElementsOf(registered().keySet());
        registered()
                .forEach(
                        (name, topic) -> {
                            JsonNode spec = rendered.get(name);
                            assertThat(spec.path("partitions").asInt())
                                    .as("partitions of %s", name)
                                    .isGreaterThanOrEqualTo(topic.partitions());
                            assertThat(config(spec))
                                    .as("config of %s", name)
                                    .isEqualTo(topic.config());
                        });
    }

    @Test
    void everyTopicBelongsToTheChartsKafkaAndSurvivesABrokerLoss() {
        // Given the Kafka cluster and its min.insync.replicas
        JsonNode kafka =
                RenderedChart.ofKind(RenderedChart.defaults(), "Kafka")
                        .findFirst()
                        .orElseThrow()
                        .tree();
        String cluster = kafka.path("metadata").path("name").asText();
        int minInsync =
                kafka.path("spec").path("kafka").path("config").path("min.insync.replicas").asInt();

        // Then each topic is managed by that cluster's topic operator and has a replica to spare
        assertThat(RenderedChart.ofKind(RenderedChart.defaults(), "KafkaTopic"))
                .allSatisfy(
                        t -> {
                            JsonNode labels = t.tree().path("metadata").path("labels");
                            assertThat(labels.path("strimzi.io/cluster").asText())
                                    .isEqualTo(cluster);
                            assertThat(t.tree().path("spec").path("replicas").asInt())
                                    .isGreaterThan(minInsync);
                        });
    }

    /** spec of each KafkaTopic by its Kafka topic name. */
    private static Map<String, JsonNode> topics(List<Document> documents) {
        return RenderedChart.ofKind(documents, "KafkaTopic")
                .map(d -> d.tree().path("spec"))
                .collect(
                        Collectors.toMap(
                                spec -> spec.path("topicName").asText(), Function.identity()));
    }

    private static Map<String, Topic<?, ?>> registered() {
        return Topics.all().stream().collect(Collectors.toMap(Topic::name, Function.identity()));
    }

    private static Map<String, String> config(JsonNode spec) {
        Map<String, String> config = new TreeMap<>();
        spec.path("config")
                .fields()
                .forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
        return config;
    }
}
