package dev.newsflow.jobs.source.feeds;

import dev.newsflow.schemas.FeedCommand;
import dev.newsflow.schemas.kafka.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link FeedControl} on the compacted {@code feeds.control} topic. The consumer is assigned all
 * partitions (no consumer group: the offsets live in the enumerator's checkpoint) and reads
 * committed records only. A record that is not a FeedCommand is logged and skipped: one bad command
 * must not stop feed management.
 */
public final class KafkaFeedControl implements FeedControl {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaFeedControl.class);

    private final Settings settings;
    private final Map<Integer, Long> startOffsets;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Deserializer<FeedCommand> commands =
            Topics.FEED_CONTROL.valueSerde().deserializer();
    private final Object lock = new Object();
    private volatile boolean closed;
    private boolean assigned;

    /** Where the control topic is; also the factory the source is built with. */
    public record Settings(String bootstrapServers, String topic, Duration pollTimeout)
            implements FeedControl.Factory {
        @Override
        public FeedControl open(Map<Integer, Long> startOffsets) {
            return new KafkaFeedControl(this, startOffsets);
        }
    }

    private KafkaFeedControl(Settings settings, Map<Integer, Long> startOffsets) {
        this.settings = settings;
        this.startOffsets = Map.copyOf(startOffsets);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-feed-control");
        this.consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public ControlBatch poll() {
        synchronized (lock) {
            if (closed || !assign()) {
                return ControlBatch.EMPTY;
            }
            List<FeedCommand> batch = new ArrayList<>();
            Map<Integer, Long> next = new HashMap<>();
            try {
                for (ConsumerRecord<byte[], byte[]> record :
                        consumer.poll(settings.pollTimeout())) {
                    next.put(record.partition(), record.offset() + 1);
                    decode(record, batch);
                }
            } catch (WakeupException e) {
                return ControlBatch.EMPTY;
            }
            return new ControlBatch(batch, next);
        }
    }

    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
        synchronized (lock) {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private boolean assign() {
        if (assigned) {
            return true;
        }
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(settings.topic())
                .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        if (partitions.isEmpty()) {
            LOG.warn("Control topic {} has no partitions yet; retrying", settings.topic());
            return false;
        }
        consumer.assign(partitions);
        for (TopicPartition partition : partitions) {
            Long offset = startOffsets.get(partition.partition());
            if (offset == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, offset);
            }
        }
        LOG.info("Following {} from offsets {}", settings.topic(), startOffsets);
        assigned = true;
        return true;
    }

    private void decode(ConsumerRecord<byte[], byte[]> record, List<FeedCommand> batch) {
        if (record.value() == null) {
            LOG.info("Ignoring tombstone on {} for key {}", record.topic(), key(record));
            return;
        }
        try {
            batch.add(commands.deserialize(record.topic(), record.value()));
        } catch (RuntimeException e) {
            LOG.warn(
                    "Skipping record {}-{}@{} (key {}): not a FeedCommand: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    key(record),
                    e.getMessage());
        }
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null
                ? null
                : new String(record.key(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
