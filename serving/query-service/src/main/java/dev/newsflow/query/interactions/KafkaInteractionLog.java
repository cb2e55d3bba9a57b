package dev.newsflow.query.interactions;

import dev.newsflow.schemas.Interaction;
import dev.newsflow.schemas.kafka.Topics;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes interactions to {@link Topics#INTERACTIONS}, keyed by user id (one user's events stay
 * in order on one partition), with an idempotent producer (no duplicates from producer retries).
 *
 * <p>{@code send} returns at once unless the producer lacks the topic's metadata or buffer space,
 * when it waits up to {@code max.block.ms}; so it is called on a worker thread, and the
 * acknowledgement comes back through the send callback onto the caller's context. The readiness
 * check ({@code describeCluster}) also waits on a worker, bounded by its timeout.
 */
public final class KafkaInteractionLog implements InteractionLog {

    private final Vertx vertx;
    private final WorkerExecutor workers;
    private final KafkaProducer<String, Interaction> producer;
    private final Admin admin;
    private final Duration readyTimeout;

    public KafkaInteractionLog(
            Vertx vertx, WorkerExecutor workers, String bootstrapServers, Duration readyTimeout) {
        this.vertx = vertx;
        this.workers = workers;
        this.readyTimeout = readyTimeout;
        this.producer =
                new KafkaProducer<>(
                        producerConfig(bootstrapServers),
                        Topics.INTERACTIONS.keySerde().serializer(),
                        Topics.INTERACTIONS.valueSerde().serializer());
        int timeoutMs = (int) readyTimeout.toMillis();
        this.admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                                AdminClientConfig.CLIENT_ID_CONFIG, "newsflow-query-service-ready",
                                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs));
    }

    static Map<String, Object> producerConfig(String bootstrapServers) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG,
                "newsflow-query-service",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                5_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                15_000);
    }

    @Override
    public Future<Void> publish(Interaction interaction) {
        Context context = vertx.getOrCreateContext();
        Promise<Void> acked = Promise.promise();
        ProducerRecord<String, Interaction> record =
                new ProducerRecord<>(
                        Topics.INTERACTIONS.name(), interaction.getUserId(), interaction);
        workers.<Void>executeBlocking(
                        () -> {
                            producer.send(
                                    record,
                                    (metadata, error) ->
                                            context.runOnContext(
                                                    v -> {
                                                        if (error == null) {
                                                            acked.tryComplete();
                                                        } else {
                                                            acked.tryFail(error);
                                                        }
                                                    }));
                            return null;
                        },
                        false)
                .onFailure(acked::tryFail);
        return acked.future();
    }

    @Override
    public Future<String> ready() {
        long timeoutMs = readyTimeout.toMillis();
        return workers.executeBlocking(
                () ->
                        admin.describeCluster(
                                        new DescribeClusterOptions().timeoutMs((int) timeoutMs))
                                .clusterId()
                                .get(timeoutMs + 500, TimeUnit.MILLISECONDS),
                false);
    }

    @Override
    public Future<Void> close() {
        return workers.executeBlocking(
                () -> {
                    producer.close(Duration.ofSeconds(5));
                    admin.close(Duration.ofSeconds(5));
                    return null;
                },
                false);
    }
}
