package dev.newsflow.jobs.serde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schemas.Persona;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class SharedAvroTypeInfoTest {

    private static final Persona PERSONA =
            Persona.newBuilder()
                    .setUserId("u1")
                    .setVector(List.of(0.6f, 0.8f))
                    .setVersion(7)
                    .setUpdatedAt(Instant.parse("2026-03-01T12:00:00Z"))
                    .build();

    @Test
    void aCopyIsTheRecordItselfWhileSerializationRoundTrips() throws Exception {
        TypeSerializer<Persona> serializer =
                new SharedAvroTypeInfo<>(Persona.class)
                        .createSerializer(new SerializerConfigImpl());

        assertThat(serializer.copy(PERSONA)).isSameAs(PERSONA);
        assertThat(serializer.duplicate().copy(PERSONA)).isSameAs(PERSONA);

        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(PERSONA, out);
        Persona back = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertThat(back).isEqualTo(PERSONA).isNotSameAs(PERSONA);
    }
}
