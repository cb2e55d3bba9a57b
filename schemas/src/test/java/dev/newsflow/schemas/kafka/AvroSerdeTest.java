package dev.newsflow.schemas.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.schemas.CrawlEvent;
import dev.newsflow.schemas.Interaction;
import dev.newsflow.schemas.InteractionType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

    private final AvroSerde<CrawlEvent> serde = AvroSerde.of(CrawlEvent.class);

    @Test
    void roundTripsThroughSingleObjectEncoding() {
        CrawlEvent event =
                CrawlEvent.newBuilder()
                        .setEventId("e-1")
                        .setUrl("https://example.org/a")
                        .setSource("example.org")
                        .setHtml("<p>hello</p>")
                        .setFetchedAt(Instant.ofEpochMilli(1_700_000_000_000L))
                        .build();

        byte[] bytes = serde.serializer().serialize("news.crawl", event);

        // Single-object encoding: marker 0xC3 0x01, then the 8-byte schema fingerprint.
        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(serde.deserializer().deserialize("news.crawl", bytes)).isEqualTo(event);
    }

    @Test
    void rejectsBytesThatAreNotAvroWithAClearReason() {
        byte[] notAvro = "{\"url\":\"https://example.org\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> serde.decode(notAvro))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Not a single-object-encoded CrawlEvent");
    }

    @Test
    void rejectsARecordOfAnotherSchema() {
        Interaction other =
                Interaction.newBuilder()
                        .setEventId("i-1")
                        .setUserId("u")
                        .setArticleId("a")
                        .setType(InteractionType.LIKE)
                        .setOccurredAt(Instant.EPOCH)
                        .build();
        byte[] bytes = AvroSerde.of(Interaction.class).encode(other);

        assertThatThrownBy(() -> serde.decode(bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("CrawlEvent");
    }

    @Test
    void rejectsAMissingValue() {
        assertThatThrownBy(() -> serde.decode(null))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("no value");
    }
}
