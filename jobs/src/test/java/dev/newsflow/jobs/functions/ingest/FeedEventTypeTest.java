package dev.newsflow.jobs.functions.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schemas.FeedHealth;
import dev.newsflow.schemas.PollOutcome;
import java.time.Instant;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.junit.jupiter.api.Test;

/** What the feed source emits is serialized field by field by Flink, never by Kryo. */
class FeedEventTypeTest {

    @Test
    void feedEventsArePojosWithAnAvroHealthField() throws Exception {
        // Given
        TypeInformation<FeedEvent> type = TypeInformation.of(FeedEvent.class);

        // Then
        assertThat(type).isInstanceOf(PojoTypeInfo.class);
        PojoTypeInfo<FeedEvent> pojo = (PojoTypeInfo<FeedEvent>) type;
        assertThat(pojo.getTypeAt("item")).isInstanceOf(PojoTypeInfo.class);
        assertThat(pojo.getTypeAt("health")).isInstanceOf(AvroTypeInfo.class);

        // And: both kinds survive the serializer, nulls included
        TypeSerializer<FeedEvent> serializer =
                type.createSerializer(new ExecutionConfig().getSerializerConfig());
        FeedEvent item =
                FeedEvent.of(
                        new DiscoveredItem(
                                "https://news.example/rss",
                                "https://news.example/a",
                                "A",
                                null,
                                null,
                                "news.example",
                                Instant.parse("2026-11-20T08:00:00Z")));
        FeedEvent health =
                FeedEvent.of(
                        FeedHealth.newBuilder()
                                .setFeedUrl("https://news.example/rss")
                                .setOutcome(PollOutcome.REJECTED)
                                .setLastError("malformed")
                                .setNextPollAt(Instant.parse("2026-11-20T09:00:00Z"))
                                .setCheckedAt(Instant.parse("2026-11-20T08:00:00Z"))
                                .build());
        assertThat(roundTrip(serializer, item)).isEqualTo(item);
        assertThat(roundTrip(serializer, health)).isEqualTo(health);
    }

    private static FeedEvent roundTrip(TypeSerializer<FeedEvent> serializer, FeedEvent event)
            throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(event, out);
        return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }
}
