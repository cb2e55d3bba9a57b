package dev.newsflow.jobs.functions.dedup;

import static dev.newsflow.jobs.testing.DedupArticles.article;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.jobs.functions.Duplicates;
import dev.newsflow.jobs.testing.NewsTexts;
import dev.newsflow.schemas.DuplicateArticle;
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

class SameUrlFilterTest {

    static final Duration TTL = Duration.ofDays(7);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-10T09:00:00Z"), ZoneOffset.UTC);
    static final String URL = "https://westhaven.example/ferry";

    private static KeyedOneInputStreamOperatorTestHarness<String, EnrichedArticle, EnrichedArticle>
            harness() throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new SameUrlFilter(TTL, CLOCK), DedupKeys::articleId, Types.STRING);
    }

    @Test
    void theSamePageWithTheSameTextIsASameUrlDuplicate() throws Exception {
        try (var harness = harness()) {
            EnrichedArticle first = article(URL, NewsTexts.FERRY, 0);
            EnrichedArticle again = article(URL, NewsTexts.FERRY.replace("\n\n", "\n"), 30);

            harness.processElement(first, 0);
            harness.processElement(again, 0);

            assertThat(harness.extractOutputValues())
                    .singleElement()
                    .satisfies(
                            a -> {
                                assertThat(a.getCrawlEventId()).isEqualTo(first.getCrawlEventId());
                                assertThat(a.getContentHash())
                                        .isEqualTo(ContentHashes.of(NewsTexts.FERRY));
                            });
            assertThat(harness.getSideOutput(Duplicates.TAG))
                    .extracting(StreamRecord::getValue)
                    .singleElement()
                    .satisfies(
                            d -> {
                                assertThat(d.getKind()).isEqualTo(DuplicateKind.SAME_URL);
                                assertThat(d.getArticleId()).isEqualTo(first.getId());
                                assertThat(d.getDuplicateOf()).isEqualTo(first.getId());
                                assertThat(d.getEventId()).isEqualTo(again.getCrawlEventId());
                                assertThat(d.getSimilarity()).isEqualTo(1.0);
                                assertThat(d.getDetectedAt()).isEqualTo(CLOCK.instant());
                            });
            assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        }
    }

    @Test
    void aChangedTextIsAnUpdateThatPassesAndBecomesTheVersionToCompareWith() throws Exception {
        try (var harness = harness()) {
            String edited = NewsTexts.FERRY.replace("14 March", "21 March");

            harness.processElement(article(URL, NewsTexts.FERRY, 0), 0);
            harness.processElement(article(URL, edited, 60), 0);
            harness.processElement(article(URL, edited, 120), 0);
            harness.processElement(article(URL, NewsTexts.FERRY, 180), 0);

            assertThat(harness.extractOutputValues())
                    .extracting(EnrichedArticle::getContentHash)
                    .containsExactly(
                            ContentHashes.of(NewsTexts.FERRY),
                            ContentHashes.of(edited),
                            ContentHashes.of(NewsTexts.FERRY));
            assertThat(harness.getSideOutput(Duplicates.TAG))
                    .extracting(StreamRecord::getValue)
                    .extracting(DuplicateArticle::getEventId)
                    .containsExactly(article(URL, edited, 120).getCrawlEventId());
        }
    }

    @Test
    void afterTheTtlTheSamePagePassesAgain() throws Exception {
        try (var harness = harness()) {
            harness.setStateTtlProcessingTime(0);
            harness.processElement(article(URL, NewsTexts.FERRY, 0), 0);
            harness.setStateTtlProcessingTime(TTL.toMillis() - 1);
            harness.processElement(article(URL, NewsTexts.FERRY, 1), 0);

            harness.setStateTtlProcessingTime(TTL.toMillis() + 1);
            harness.processElement(article(URL, NewsTexts.FERRY, 2), 0);

            assertThat(harness.extractOutputValues()).hasSize(2);
            assertThat(harness.getSideOutput(Duplicates.TAG)).hasSize(1);
        }
    }

    @Test
    void otherPagesAreJudgedOnTheirOwn() throws Exception {
        try (var harness = harness()) {
            harness.processElement(article(URL, NewsTexts.FERRY, 0), 0);
            harness.processElement(article(URL + "-copy", NewsTexts.FERRY, 1), 0);
            harness.processElement(article(URL + "-floods", NewsTexts.FLOODS, 2), 0);

            assertThat(harness.extractOutputValues()).hasSize(3);
            assertThat(harness.getSideOutput(Duplicates.TAG)).isNull();
            assertThat(harness.numKeyedStateEntries()).isEqualTo(3);
        }
    }
}
