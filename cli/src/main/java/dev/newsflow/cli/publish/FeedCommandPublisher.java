package dev.newsflow.cli.publish;

import dev.newsflow.schemas.FeedAction;
import dev.newsflow.schemas.FeedCommand;
import dev.newsflow.schemas.kafka.Topics;
import java.net.URI;
import java.time.Clock;
import java.util.Collection;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Adds feeds to a running feed-ingestion job by publishing commands to {@code feeds.control}. */
public final class FeedCommandPublisher implements AutoCloseable {

    private final KafkaProducer<String, FeedCommand> producer;

    public FeedCommandPublisher(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer =
                new KafkaProducer<>(
                        props,
                        Topics.FEED_CONTROL.keySerde().serializer(),
                        Topics.FEED_CONTROL.valueSerde().serializer());
    }

    /** Publishes an ADD per feed, keyed by feed URL (the topic is compacted). */
    public void add(Collection<URI> feeds) {
        for (URI feed : feeds) {
            FeedCommand add =
                    FeedCommand.newBuilder()
                            .setFeedUrl(feed.toString())
                            .setAction(FeedAction.ADD)
                            .setIssuedAt(Clock.systemUTC().instant())
                            .build();
            producer.send(new ProducerRecord<>(Topics.FEED_CONTROL.name(), add.getFeedUrl(), add));
        }
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
