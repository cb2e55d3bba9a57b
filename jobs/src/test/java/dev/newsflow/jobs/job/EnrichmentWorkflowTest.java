package dev.newsflow.jobs.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.jobs.config.EnrichmentConfig;
import dev.newsflow.jobs.serde.RawRecord;
import dev.newsflow.jobs.testing.CollectingSink;
import dev.newsflow.jobs.testing.CrawlEvents;
import dev.newsflow.jobs.testing.FakeInferenceClient;
import dev.newsflow.jobs.testing.FakeInferenceClient.Script;
import dev.newsflow.schemas.DeadLetter;
import dev.newsflow.schemas.DuplicateArticle;
import dev.newsflow.schemas.DuplicateKind;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.Story;
import dev.newsflow.testkit.flink.FlinkTestCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The enrichment workflow on a MiniCluster at parallelism 2, with a bounded source, collecting
 * sinks and a fake inference client: every input ends in exactly one output, with the right reason.
 */
class EnrichmentWorkflowTest {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

    @Test
    void everyCrawlEventIsEnrichedDroppedAsDuplicateOrDeadLetteredWithItsReason() throws Exception {
        List<RawRecord> input = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            input.add(
                    CrawlEvents.raw(
                            i,
                            CrawlEvents.encode(
                                    CrawlEvents.page(
                                            "https://a.example/story-" + i + "?utm_source=feed",
                                            "Story " + i,
                                            "First paragraph of story " + i + ".",
                                            "Second paragraph."))));
        }
        // The page of story 3 crawled again, unchanged: a duplicate of itself.
        input.add(
                CrawlEvents.raw(
                        99,
                        CrawlEvents.encode(
                                CrawlEvents.page(
                                        "https://a.example/story-3",
                                        "Story 3",
                                        "First paragraph of story 3.",
                                        "Second paragraph."))));
        input.add(CrawlEvents.raw(100, CrawlEvents.notAvro()));
        input.add(
                CrawlEvents.raw(
                        101,
                        CrawlEvents.encode(CrawlEvents.withHtml("https://b.example/empty", ""))));
        input.add(
                CrawlEvents.raw(
                        102, CrawlEvents.encode(CrawlEvents.binary("https://b.example/binary"))));
        input.add(
                CrawlEvents.raw(
                        103, CrawlEvents.encode(CrawlEvents.huge("https://b.example/huge", 6))));

        CollectingSink<EnrichedArticle> index = new CollectingSink<>();
        CollectingSink<EnrichedArticle> topic = new CollectingSink<>();
        CollectingSink<Story> stories = new CollectingSink<>();
        CollectingSink<DuplicateArticle> duplicates = new CollectingSink<>();
        CollectingSink<DeadLetter> deadLetters = new CollectingSink<>();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);

        EnrichmentJob.defineWorkflow(
                env,
                new DataGeneratorSource<>(
                        i -> input.get(i.intValue()),
                        input.size(),
                        TypeInformation.of(RawRecord.class)),
                new EnrichmentSinks(
                        index, topic, new CollectingSink<>(), stories, duplicates, deadLetters),
                EnrichmentConfig.fromEnv(Map.of()),
                () -> new FakeInferenceClient(Script.healthy()));
        env.execute("enrichment-workflow-test");

        assertThat(index.results()).hasSize(10);
        assertThat(topic.results()).hasSize(10);
        assertThat(index.results())
                .allSatisfy(
                        a -> {
                            assertThat(a.getEmbedding()).hasSize(FakeInferenceClient.DIMENSION);
                            assertThat(a.getEmbeddingModel()).isEqualTo("all-MiniLM-L6-v2");
                            assertThat(a.getSummary()).startsWith("First paragraph of story");
                            assertThat(a.getUrl()).doesNotContain("utm_source");
                            assertThat(a.getText()).startsWith("First paragraph of story");
                        });
        assertThat(deadLetters.results())
                .extracting(d -> d.getStage() + " | " + d.getReason())
                .hasSize(4)
                .anyMatch(r -> r.startsWith("decode | Not a single-object-encoded CrawlEvent"))
                .anyMatch(r -> r.startsWith("extract | empty html"))
                .anyMatch(r -> r.startsWith("extract | binary content"))
                .anyMatch(r -> r.startsWith("extract | html too large: 6,291,"));
        assertThat(duplicates.results())
                .singleElement()
                .satisfies(
                        d -> {
                            assertThat(d.getKind()).isEqualTo(DuplicateKind.SAME_URL);
                            assertThat(d.getUrl()).isEqualTo("https://a.example/story-3");
                        });
        assertThat(stories.results()).isNotEmpty();
        assertThat(index.results()).allSatisfy(a -> assertThat(a.getStoryId()).isNotNull());
        // Accounting: every input is in exactly one output.
        assertThat(
                        index.results().size()
                                + duplicates.results().size()
                                + deadLetters.results().size())
                .isEqualTo(input.size());
    }
}
