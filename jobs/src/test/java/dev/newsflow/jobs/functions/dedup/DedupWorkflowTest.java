package dev.newsflow.jobs.functions.dedup;

import static dev.newsflow.jobs.testing.DedupArticles.article;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.jobs.config.DedupConfig;
import dev.newsflow.jobs.functions.ArticleIds;
import dev.newsflow.jobs.testing.CollectingSink;
import dev.newsflow.jobs.testing.NewsTexts;
import dev.newsflow.jobs.testing.Waves;
import dev.newsflow.schemas.DuplicateArticle;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.testkit.flink.FlinkTestCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dedup stages on a MiniCluster at parallelism 2 with RocksDB, Kryo disabled: originals, exact
 * copies under other URLs, repeated URLs, an update and lightly edited copies collapse to the
 * originals, and every input is either a survivor or exactly one duplicate.
 */
class DedupWorkflowTest {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

    static final String FERRY = "https://westhaven.example/news/ferry-terminal";
    static final String FLOODS = "https://arden.example/floods";
    static final String FOOTBALL = "https://rovers.example/okafor-appointed";
    static final String EARNINGS = "https://markets.example/veltrix-q3";
    static final String COMET = "https://kessing.example/comet";
    static final String FERRY_2 = "https://islandtimes.example/terminal";

    @Test
    void copiesCollapseToTheOriginalsAndEveryInputIsAccountedFor(@TempDir Path checkpoints)
            throws Exception {
        String cometCopy = NewsTexts.withBoilerplate(NewsTexts.COMET);
        String footballRewrite =
                NewsTexts.withNewLead(
                        NewsTexts.FOOTBALL, "Daniel Okafor is the new head coach of Rovers.");
        List<EnrichedArticle> input =
                List.of(
                        // wave 1: the originals, and another outlet's story on the ferry
                        article(FERRY, NewsTexts.FERRY, 0),
                        article(FLOODS, NewsTexts.FLOODS, 1),
                        article(FOOTBALL, NewsTexts.FOOTBALL, 2),
                        article(EARNINGS, NewsTexts.EARNINGS, 3),
                        article(COMET, NewsTexts.COMET, 4),
                        article(FERRY_2, NewsTexts.FERRY_OTHER_OUTLET, 5),
                        // wave 2: a mirror, a re-crawl, an update, three edited copies
                        article("https://mirror.example/ferry", NewsTexts.FERRY, 10),
                        article(FOOTBALL + "?utm_source=rss", NewsTexts.FOOTBALL, 11),
                        article(EARNINGS, NewsTexts.EARNINGS.replace("nine", "eleven"), 12),
                        article("https://wire.example/comet", cometCopy, 13),
                        article(
                                "https://valley.example/flooding",
                                NewsTexts.withNewLead(
                                        NewsTexts.FLOODS, "Floods closed the Millford road."),
                                14),
                        article(
                                "https://sportsdesk.example/rovers",
                                NewsTexts.withBoilerplate(footballRewrite),
                                15),
                        // wave 3: a reformatted copy, the edited copy re-crawled, a copy of the
                        // second ferry story
                        article(
                                "https://aggregator.example/arden",
                                NewsTexts.FLOODS.toUpperCase(Locale.ROOT),
                                20),
                        article("https://wire.example/comet", cometCopy, 21),
                        article(
                                "https://ferries.example/new-terminal",
                                NewsTexts.withBoilerplate(NewsTexts.FERRY_OTHER_OUTLET),
                                22));

        CollectingSink<EnrichedArticle> survivors = new CollectingSink<>();
        CollectingSink<DuplicateArticle> duplicates = new CollectingSink<>();
        StreamExecutionEnvironment env = environment(checkpoints);
        DataStream<EnrichedArticle> articles =
                env.fromSource(
                                new DataGeneratorSource<>(
                                        i -> input.get(i.intValue()),
                                        input.size(),
                                        new Waves(6, 6, 3),
                                        new AvroTypeInfo<>(EnrichedArticle.class)),
                                WatermarkStrategy.noWatermarks(),
                                "articles")
                        .setParallelism(1);

        Dedup.Result result = Dedup.apply(articles, DedupConfig.defaults());
        result.survivors().sinkTo(survivors);
        result.duplicates().sinkTo(duplicates);
        env.execute("dedup-workflow-test");

        assertThat(survivors.results())
                .extracting(a -> a.getUrl() + " " + a.getContentHash())
                .containsExactlyInAnyOrder(
                        FERRY + " " + ContentHashes.of(NewsTexts.FERRY),
                        FLOODS + " " + ContentHashes.of(NewsTexts.FLOODS),
                        FOOTBALL + " " + ContentHashes.of(NewsTexts.FOOTBALL),
                        EARNINGS + " " + ContentHashes.of(NewsTexts.EARNINGS),
                        EARNINGS
                                + " "
                                + ContentHashes.of(NewsTexts.EARNINGS.replace("nine", "eleven")),
                        COMET + " " + ContentHashes.of(NewsTexts.COMET),
                        FERRY_2 + " " + ContentHashes.of(NewsTexts.FERRY_OTHER_OUTLET));
        assertThat(duplicates.results())
                .extracting(d -> d.getKind() + " " + d.getUrl() + " -> " + d.getDuplicateOf())
                .containsExactlyInAnyOrder(
                        "SAME_CONTENT https://mirror.example/ferry -> " + id(FERRY),
                        "SAME_URL " + FOOTBALL + " -> " + id(FOOTBALL),
                        "NEAR_DUPLICATE https://wire.example/comet -> " + id(COMET),
                        "NEAR_DUPLICATE https://valley.example/flooding -> " + id(FLOODS),
                        "NEAR_DUPLICATE https://sportsdesk.example/rovers -> " + id(FOOTBALL),
                        "SAME_CONTENT https://aggregator.example/arden -> " + id(FLOODS),
                        "SAME_URL https://wire.example/comet -> "
                                + id("https://wire.example/comet"),
                        "NEAR_DUPLICATE https://ferries.example/new-terminal -> " + id(FERRY_2));
        assertThat(duplicates.results())
                .filteredOn(d -> d.getKind().name().equals("NEAR_DUPLICATE"))
                .allSatisfy(
                        d ->
                                assertThat(d.getSimilarity())
                                        .isBetween(DedupConfig.defaults().threshold(), 1.0));

        // Accounting: every crawl event is a survivor or exactly one duplicate.
        List<String> accounted = new ArrayList<>();
        survivors.results().forEach(a -> accounted.add(a.getCrawlEventId()));
        duplicates.results().forEach(d -> accounted.add(d.getEventId()));
        assertThat(accounted)
                .containsExactlyInAnyOrderElementsOf(
                        input.stream().map(EnrichedArticle::getCrawlEventId).toList());
    }

    private static StreamExecutionEnvironment environment(Path checkpoints) {
        Configuration config = FlinkTestCluster.configuration(checkpoints);
        config.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(100));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(FlinkTestCluster.PARALLELISM);
        // Every type between the operators and in state has a Flink serializer: no Kryo.
        env.getConfig().disableGenericTypes();
        return env;
    }

    private static String id(String url) {
        return ArticleIds.idOf(url);
    }
}
