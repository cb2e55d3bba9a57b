package dev.newsflow.jobs.serde;

import dev.newsflow.schemas.kafka.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.util.function.SerializableFunction;

/**
 * The exactly-once Kafka sink every job writes its topics with: Avro single-object encoding, a key
 * from the record, and Kafka transactions committed on Flink checkpoints, so that read_committed
 * consumers see each record once.
 */
public final class TransactionalAvroSinks {

    /**
     * Must exceed the longest checkpoint and stay under the broker's transaction.max.timeout.ms.
     */
    private static final String TRANSACTION_TIMEOUT_MS = String.valueOf(15 * 60 * 1000);

    private TransactionalAvroSinks() {}

    /**
     * A sink to {@code topic}; {@code transactionalIdPrefix} must be unique per sink and stable
     * across restarts (Flink aborts the prefix's lingering transactions on recovery).
     */
    public static <T extends SpecificRecord> KafkaSink<T> exactlyOnce(
            String bootstrapServers,
            String topic,
            Class<T> type,
            SerializableFunction<T, String> key,
            String transactionalIdPrefix) {
        return KafkaSink.<T>builder()
                .setBootstrapServers(bootstrapServers)
                .setRecordSerializer(new AvroRecordSerializer<>(topic, type, key))
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(transactionalIdPrefix)
                .setProperty("transaction.timeout.ms", TRANSACTION_TIMEOUT_MS)
                // Pages can be large; news.crawl accepts records up to this size.
                .setProperty("max.request.size", String.valueOf(Topics.MAX_CRAWL_EVENT_BYTES))
                .build();
    }
}
