package dev.newsflow.cli.stack;

import dev.newsflow.schemas.DeadLetter;
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
import org.apache.kafka.common.errors.WakeupException;

/**
 * Follows {@code news.dlq} (committed records only) and reports each dead letter as it arrives, so
 * that whoever runs the local stack sees what was rejected and why.
 */
final class DeadLetterWatcher implements AutoCloseable {

    private final KafkaConsumer<String, DeadLetter> consumer;
    private final AtomicLong count = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    DeadLetterWatcher(String bootstrapServers, Consumer<DeadLetter> onDeadLetter) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer =
                new KafkaConsumer<>(
                        props,
                        Topics.DLQ.keySerde().deserializer(),
                        Topics.DLQ.valueSerde().deserializer());
        consumer.assign(List.of(new org.apache.kafka.common.TopicPartition(Topics.DLQ.name(), 0)));
        thread =
                new Thread(
                        () -> {
                            try {
                                while (running.get()) {
                                    for (ConsumerRecord<String, DeadLetter> r :
                                            consumer.poll(Duration.ofMillis(500))) {
                                        count.incrementAndGet();
                                        onDeadLetter.accept(r.value());
                                    }
                                }
                            } catch (WakeupException stopping) {
                                // close() woke us up
                            } finally {
                                consumer.close();
                            }
                        },
                        "dead-letter-watcher");
        thread.setDaemon(true);
        thread.start();
    }

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
