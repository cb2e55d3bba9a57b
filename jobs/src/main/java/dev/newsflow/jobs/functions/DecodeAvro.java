package dev.newsflow.jobs.functions;

import dev.newsflow.jobs.serde.RawRecord;
import dev.newsflow.schemas.kafka.AvroSerde;
import java.time.Clock;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes raw Kafka records into Avro records of one type. A record that is not a
 * single-object-encoded {@code T} (a poison record, or a tombstone) goes to the dead-letter side
 * output with the decoder's reason; the stream goes on.
 */
public final class DecodeAvro<T extends SpecificRecordBase> extends ProcessFunction<RawRecord, T>
        implements ResultTypeQueryable<T> {

    private static final Logger LOG = LoggerFactory.getLogger(DecodeAvro.class);

    private final Class<T> type;
    private final String stage;
    private transient AvroSerde<T> serde;
    private transient Counter rejected;

    public DecodeAvro(Class<T> type, String stage) {
        this.type = type;
        this.stage = stage;
    }

    @Override
    public void open(OpenContext openContext) {
        serde = AvroSerde.of(type);
        rejected = getRuntimeContext().getMetricGroup().counter("deadLettered");
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<T> out) {
        try {
            out.collect(serde.decode(raw.value));
        } catch (SerializationException e) {
            LOG.warn("Dead-lettering undecodable record {}: {}", raw, e.getMessage());
            rejected.inc();
            ctx.output(DeadLetters.TAG, DeadLetters.ofRaw(raw, stage, e, Clock.systemUTC()));
        }
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return new AvroTypeInfo<>(type);
    }
}
