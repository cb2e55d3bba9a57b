package dev.newsflow.jobs.functions;

import dev.newsflow.jobs.serde.RawRecord;
import dev.newsflow.schemas.CrawlEvent;
import dev.newsflow.schemas.kafka.AvroSerde;
import java.time.Clock;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes raw {@code news.crawl} records into {@link CrawlEvent}s. A record that is not a
 * single-object-encoded CrawlEvent (a poison record) goes to the dead-letter side output with the
 * decoder's reason; the stream goes on.
 */
public final class CrawlEventDecoder extends ProcessFunction<RawRecord, CrawlEvent> {

    public static final String STAGE = "decode";
    private static final Logger LOG = LoggerFactory.getLogger(CrawlEventDecoder.class);

    private transient AvroSerde<CrawlEvent> serde;
    private transient Counter rejected;

    @Override
    public void open(OpenContext openContext) {
        serde = AvroSerde.of(CrawlEvent.class);
        rejected = getRuntimeContext().getMetricGroup().counter("deadLettered");
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<CrawlEvent> out) {
        try {
            out.collect(serde.decode(raw.value));
        } catch (SerializationException e) {
            LOG.warn("Dead-lettering undecodable record {}: {}", raw, e.getMessage());
            rejected.inc();
            ctx.output(DeadLetters.TAG, DeadLetters.ofRaw(raw, STAGE, e, Clock.systemUTC()));
        }
    }
}
