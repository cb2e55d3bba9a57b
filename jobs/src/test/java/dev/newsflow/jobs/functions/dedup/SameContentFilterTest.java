package dev.newsflow.jobs.functions.dedup;

import static dev.newsflow.jobs.testing.DedupArticles.article;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.jobs.functions.Duplicates;
import dev.newsflow.jobs.testing.NewsTexts;
import dev.newsflow.schemas.DuplicateKind;
import dev.newsflow.schemas.EnrichedArticle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class SameContentFilterTest {

    static final Duration TTL = Duration.ofDays(7);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-10T09:00:00Z"), ZoneOffset.UTC);

    private static KeyedOneInputStreamOperatorTestHarness<String, EnrichedArticle, EnrichedArticle>
            harness() throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new SameContentFilter(TTL, CLOCK), DedupKeys::contentHash, Types.STRING);
    }

    @Test
    void theSameTextUnderAnotherUrlIsACopyOfTheFirstArticle() throws Exception {
        try (var harness = harness()) {
            EnrichedArticle original =
                    article("https://westhaven.example/ferry", NewsTexts.FERRY, 0);
            EnrichedArticle mirror =
                    article("https://mirror.example/westhaven-ferry", NewsTexts.FERRY, 5);

            harness.processElement(original, 0);
            harness.processElement(mirror, 0);

            assertThat(harness.extractOutputValues()).containsExactly(original);
            assertThat(harness.getSideOutput(Duplicates.TAG))
                    .extracting(StreamRecord::getValue)
                    .singleElement()
                    .satisfies(
                            d -> {
                                assertThat(d.getKind()).isEqualTo(DuplicateKind.SAME_CONTENT);
                                assertThat(d.getArticleId()).isEqualTo(mirror.getId());
                                assertThat(d.getDuplicateOf()).isEqualTo(original.getId());
                                assertThat(d.getUrl()).isEqualTo(mirror.getUrl());
                                assertThat(d.getSource()).isEqualTo("mirror.example");
                            });
            assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        }
    }

    @Test
    void theOwnerOfATextMayComeBackWithIt() throws Exception {
        try (var harness = harness()) {
            harness.processElement(
                    article("https://westhaven.example/ferry", NewsTexts.FERRY, 0), 0);
            harness.processElement(
                    article("https://westhaven.example/ferry", NewsTexts.FERRY, 9), 0);

            assertThat(harness.extractOutputValues()).hasSize(2);
            assertThat(harness.getSideOutput(Duplicates.TAG)).isNull();
        }
    }

    @Test
    void afterTheTtlTheNextArticleWithTheTextOwnsIt() throws Exception {
        try (var harness = harness()) {
            harness.setStateTtlProcessingTime(0);
            harness.processElement(article("https://a.example/1", NewsTexts.COMET, 0), 0);

            harness.setStateTtlProcessingTime(TTL.toMillis() + 1);
            harness.processElement(article("https://b.example/1", NewsTexts.COMET, 1), 0);
            harness.processElement(article("https://c.example/1", NewsTexts.COMET, 2), 0);

            assertThat(harness.extractOutputValues())
                    .extracting(EnrichedArticle::getUrl)
                    .containsExactly("https://a.example/1", "https://b.example/1");
            assertThat(harness.getSideOutput(Duplicates.TAG))
                    .extracting(StreamRecord::getValue)
                    .singleElement()
                    .satisfies(
                            d ->
                                    assertThat(d.getDuplicateOf())
                                            .isEqualTo(
                                                    article("https://b.example/1", "", 0).getId()));
        }
    }
}
