package dev.newsflow.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.jobs.testing.CrawlEvents;
import dev.newsflow.schemas.CrawlEvent;
import dev.newsflow.schemas.DeadLetter;
import java.nio.charset.StandardCharsets;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class CrawlEventDecoderTest {

    @Test
    void decodesCrawlEventsAndDeadLettersPoisonRecordsWithTheirOrigin() throws Exception {
        CrawlEvent good = CrawlEvents.page("https://a.example/1", "Title", "Body text.");
        try (OneInputStreamOperatorTestHarness<dev.newsflow.jobs.serde.RawRecord, CrawlEvent>
                harness =
                        ProcessFunctionTestHarnesses.forProcessFunction(new CrawlEventDecoder())) {

            harness.processElement(CrawlEvents.raw(10, CrawlEvents.encode(good)), 0);
            harness.processElement(CrawlEvents.raw(11, CrawlEvents.notAvro()), 0);
            harness.processElement(CrawlEvents.raw(12, null), 0);

            assertThat(harness.extractOutputValues()).containsExactly(good);
            assertThat(harness.getSideOutput(DeadLetters.TAG))
                    .extracting(StreamRecord::getValue)
                    .satisfiesExactly(
                            first -> {
                                assertThat(first.getStage()).isEqualTo("decode");
                                assertThat(first.getOffset()).isEqualTo(11L);
                                assertThat(first.getReason())
                                        .contains("Not a single-object-encoded CrawlEvent");
                                assertThat(
                                                StandardCharsets.UTF_8
                                                        .decode(first.getPayload())
                                                        .toString())
                                        .contains("not.avro.example");
                            },
                            second -> {
                                assertThat(second.getOffset()).isEqualTo(12L);
                                assertThat(second.getReason()).contains("no value");
                            });
        }
    }

    @Test
    void deadLettersKeepOnlyABoundedPrefixOfHugePayloads() {
        byte[] big = new byte[1_000_000];

        DeadLetter letter =
                DeadLetters.ofRaw(
                        CrawlEvents.raw(1, big),
                        "decode",
                        new IllegalStateException("bad"),
                        java.time.Clock.systemUTC());

        assertThat(letter.getPayload().remaining()).isEqualTo(DeadLetters.MAX_PAYLOAD_BYTES);
        assertThat(letter.getPayloadSize()).isEqualTo(1_000_000L);
    }
}
