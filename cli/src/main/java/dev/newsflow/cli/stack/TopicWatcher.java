package dev.newsflow.cli.stack;

import dev.newsflow.schemas.kafka.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Follows a topic from its current end (committed records only) and reports each new record as it
 * arrives, so that whoever runs the local stack sees enrichment progress, dead letters and feed
 * health live, also on a work directory that holds records of earlier runs.
 */
final class TopicWatcher<V> implements AutoCloseable {

    private final KafkaConsumer<String, V> consumer;
    private final AtomicLong count = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    TopicWatcher(String bootstrapServers, Topics.Topic<String, V> topic, Consumer<V> onRecord) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer =
                new KafkaConsumer<>(
                        props, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
        List<TopicPartition> partitions =
                consumer.partitionsFor(topic.name()).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition()))
                        .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // Resolve the end now: records published after the constructor returns are all counted.
        partitions.forEach(consumer::position);
        thread = new Thread(() -> follow(onRecord), "watch-" + topic.name());
        thread.setDaemon(true);
        thread.start();
    }

    private void follow(Consumer<V> onRecord) {
        try {
            while (running.get()) {
                for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(500))) {
                    count.incrementAndGet();
                    onRecord.accept(r.value());
                }
            }
        } catch (WakeupException stopping) {
            // close() woke us up
        } finally {
            consumer.close();
        }
    }

    /** Records seen since the watcher started. */
    long count() {
        return count.get();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        consumer.wakeup();
        thread.join(5_000);
    }
}
