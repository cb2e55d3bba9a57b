package dev.newsflow.query.pipeline;

import dev.newsflow.schemas.kafka.Topics;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * {@link PipelineMonitor} on the Kafka Admin API: consumer lag of the jobs' groups, dead-letter
 * offsets, and the feed table of {@code feeds.health} (through {@link FeedHealthReader}). Every
 * Kafka call waits on the service's Kafka worker pool, never on the event loop, each bounded by
 * {@link #TIMEOUT}. The admin client is created on first use, so a service whose dashboard is never
 * opened opens no extra connection.
 */
public final class KafkaPipelineMonitor implements PipelineMonitor {

    /** Environment key: comma-separated consumer groups whose lag the dashboard shows. */
    public static final String ENV_CONSUMER_GROUPS = "NEWSFLOW_DASHBOARD_CONSUMER_GROUPS";

    /** The enrichment and persona jobs' default groups (their NEWSFLOW_*_GROUP settings). */
    public static final List<String> DEFAULT_CONSUMER_GROUPS =
            List.of("newsflow-enrichment", "newsflow-persona");

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final WorkerExecutor workers;
    private final String bootstrapServers;
    private final List<String> groups;
    private final Clock clock;
    private Admin admin;

    public KafkaPipelineMonitor(
            WorkerExecutor workers, String bootstrapServers, List<String> groups, Clock clock) {
        this.workers = workers;
        this.bootstrapServers = bootstrapServers;
        this.groups = List.copyOf(groups);
        this.clock = clock;
    }

    /** The groups named by {@link #ENV_CONSUMER_GROUPS}, or the defaults. */
    public static List<String> groupsFromEnv(Map<String, String> env) {
        String value = env.get(ENV_CONSUMER_GROUPS);
        if (value == null || value.isBlank()) {
            return DEFAULT_CONSUMER_GROUPS;
        }
        return Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    @Override
    public Future<JsonObject> health() {
        return workers.executeBlocking(this::read, false);
    }

    private JsonObject read() throws Exception {
        Admin kafka = admin();
        JsonArray lags = new JsonArray();
        for (String group : groups) {
            Map<TopicPartition, Long> committed =
                    kafka
                            .listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata()
                            .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                            .entrySet()
                            .stream()
                            .filter(e -> e.getValue() != null)
                            .collect(
                                    Collectors.toMap(
                                            Map.Entry::getKey, e -> e.getValue().offset()));
            lags.add(
                    ConsumerLag.of(
                            group, committed, offsets(kafka, committed, OffsetSpec.latest())));
        }
        String dlq = Topics.DLQ.name();
        Map<TopicPartition, Long> dlqPartitions = partitions(kafka, dlq);
        long hourAgo = clock.millis() - Duration.ofHours(1).toMillis();
        JsonObject deadLetters =
                DeadLetterRate.of(
                        dlq,
                        offsets(kafka, dlqPartitions, OffsetSpec.earliest()),
                        offsets(kafka, dlqPartitions, OffsetSpec.latest()),
                        offsets(kafka, dlqPartitions, OffsetSpec.forTimestamp(hourAgo)));
        return new JsonObject()
                .put("checkedAt", clock.instant().toString())
                .put("consumerLag", lags)
                .put("deadLetters", deadLetters)
                .put("feeds", new FeedHealthReader(bootstrapServers, TIMEOUT).read());
    }

    private static Map<TopicPartition, Long> partitions(Admin kafka, String topic)
            throws Exception {
        return kafka
                .describeTopics(List.of(topic))
                .allTopicNames()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .get(topic)
                .partitions()
                .stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> 0L));
    }

    /** The offsets of {@code spec} for the keys of {@code partitions} (committed data only). */
    private static Map<TopicPartition, Long> offsets(
            Admin kafka, Map<TopicPartition, ?> partitions, OffsetSpec spec) throws Exception {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request =
                partitions.keySet().stream()
                        .collect(Collectors.toMap(Function.identity(), tp -> spec));
        Map<TopicPartition, Long> result = new HashMap<>();
        kafka.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .all()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .forEach((tp, info) -> result.put(tp, info.offset()));
        return result;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            int timeoutMs = (int) TIMEOUT.toMillis();
            admin =
                    Admin.create(
                            Map.of(
                                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                                    AdminClientConfig.CLIENT_ID_CONFIG,
                                            "newsflow-query-service-dashboard",
                                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs));
        }
        return admin;
    }

    @Override
    public Future<Void> close() {
        return workers.executeBlocking(
                () -> {
                    synchronized (this) {
                        if (admin != null) {
                            admin.close(Duration.ofSeconds(5));
                        }
                    }
                    return null;
                },
                false);
    }
}
