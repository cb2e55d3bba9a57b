package dev.newsflow.jobs.functions;

import dev.newsflow.jobs.serde.RawRecord;
import dev.newsflow.schemas.CrawlEvent;
import dev.newsflow.schemas.DeadLetter;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.Interaction;
import dev.newsflow.schemas.kafka.Topics;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Arrays;
import org.apache.flink.util.OutputTag;

/**
 * Builds {@link DeadLetter}s: what was rejected, where it came from, at which stage and why. The
 * payload is kept up to {@link #MAX_PAYLOAD_BYTES} so that a 50 MB page does not become a 50 MB
 * dead letter; its full size is recorded.
 */
public final class DeadLetters {

    /** Side output every function of the enrichment job sends its rejects to. */
    public static final OutputTag<DeadLetter> TAG = new OutputTag<>("dead-letters") {};

    public static final int MAX_PAYLOAD_BYTES = 64 * 1024;

    private DeadLetters() {}

    /** A Kafka record that could not be decoded. */
    public static DeadLetter ofRaw(RawRecord raw, String stage, Exception error, Clock clock) {
        return DeadLetter.newBuilder()
                .setSourceTopic(raw.topic)
                .setPartition(raw.partition)
                .setOffset(raw.offset)
                .setKey(raw.key == null ? null : ByteBuffer.wrap(raw.key))
                .setPayload(raw.value == null ? null : truncated(raw.value))
                .setPayloadSize(raw.value == null ? 0 : raw.value.length)
                .setStage(stage)
                .setReason(error.getMessage() == null ? error.toString() : error.getMessage())
                .setErrorClass(error.getClass().getName())
                .setFailedAt(clock.instant())
                .build();
    }

    /** A decoded crawl event rejected by a later stage; the payload is its Avro encoding. */
    public static DeadLetter ofCrawlEvent(
            CrawlEvent event, String stage, String reason, Clock clock) {
        byte[] encoded =
                Topics.CRAWL.valueSerde().serializer().serialize(Topics.CRAWL.name(), event);
        return DeadLetter.newBuilder()
                .setSourceTopic(Topics.CRAWL.name())
                .setKey(
                        ByteBuffer.wrap(
                                event.getUrl().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .setPayload(truncated(encoded))
                .setPayloadSize(encoded.length)
                .setStage(stage)
                .setReason(reason)
                .setFailedAt(clock.instant())
                .build();
    }

    /** An extracted article rejected by a later stage; the payload is its Avro encoding. */
    public static DeadLetter ofArticle(
            EnrichedArticle article, String stage, String reason, Throwable error, Clock clock) {
        byte[] encoded =
                Topics.ENRICHED
                        .valueSerde()
                        .serializer()
                        .serialize(Topics.ENRICHED.name(), article);
        return DeadLetter.newBuilder()
                .setSourceTopic(Topics.CRAWL.name())
                .setKey(
                        ByteBuffer.wrap(
                                article.getUrl().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .setPayload(truncated(encoded))
                .setPayloadSize(encoded.length)
                .setStage(stage)
                .setReason(reason)
                .setErrorClass(error == null ? null : error.getClass().getName())
                .setFailedAt(clock.instant())
                .build();
    }

    /** A user interaction the persona job could not apply; the payload is its Avro encoding. */
    public static DeadLetter ofInteraction(
            Interaction interaction, String stage, String reason, Clock clock) {
        byte[] encoded =
                Topics.INTERACTIONS
                        .valueSerde()
                        .serializer()
                        .serialize(Topics.INTERACTIONS.name(), interaction);
        return DeadLetter.newBuilder()
                .setSourceTopic(Topics.INTERACTIONS.name())
                .setKey(
                        ByteBuffer.wrap(
                                interaction
                                        .getUserId()
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .setPayload(truncated(encoded))
                .setPayloadSize(encoded.length)
                .setStage(stage)
                .setReason(reason)
                .setFailedAt(clock.instant())
                .build();
    }

    private static ByteBuffer truncated(byte[] bytes) {
        return ByteBuffer.wrap(
                bytes.length <= MAX_PAYLOAD_BYTES
                        ? bytes
                        : Arrays.copyOf(bytes, MAX_PAYLOAD_BYTES));
    }
}
