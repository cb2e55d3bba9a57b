package dev.newsflow.jobs.functions.stories;

import static dev.newsflow.jobs.functions.stories.StoryFixtures.article;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.jobs.config.StoryConfig;
import dev.newsflow.jobs.testing.CollectingSink;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.Story;
import dev.newsflow.testkit.flink.FlinkTestCluster;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link Stories#assign} in a real Flink job: the same stories at parallelism 1 and 2. */
class StoriesWorkflowTest {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

    private static final List<EnrichedArticle> ARTICLES =
            List.of(
                    article("en1").topic(0).language("en").source("a.example").at(0).build(),
                    article("de1").topic(0).language("de").source("b.example").at(1).build(),
                    article("en2").topic(1).language("en-US").source("b.example").at(2).build(),
                    article("un1").topic(0).language(null).source("c.example").at(3).build(),
                    article("en3").topic(0).language("en").source("c.example").at(4).build(),
                    article("de2").topic(0).language("de").source("a.example").at(5).build(),
                    article("fr1").topic(2).language("fr").source("a.example").at(6).build(),
                    article("en4").topic(1).language("en").source("a.example").at(7).build(),
                    article("un2").topic(3).language("").source("b.example").at(8).build(),
                    article("fr2").topic(2).language("fr-CA").source("d.example").at(9).build());

    private static final Map<String, String> EXPECTED =
            new TreeMap<>(
                    Map.of(
                            "en1", "s-en1", "en3", "s-en1", "en2", "s-en2", "en4", "s-en2", "de1",
                            "s-de1", "de2", "s-de1", "fr1", "s-fr1", "fr2", "s-fr1", "un1", "s-un1",
                            "un2", "s-un2"));

    @Test
    void everyArticleMeetsEveryCandidateStoryAtAnyParallelism() throws Exception {
        assertThat(storyIds(1)).isEqualTo(EXPECTED);
        assertThat(storyIds(2)).isEqualTo(EXPECTED);
    }

    private static Map<String, String> storyIds(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        CollectingSink<EnrichedArticle> articles = new CollectingSink<>();
        CollectingSink<Story> stories = new CollectingSink<>();
        SingleOutputStreamOperator<EnrichedArticle> assigned =
                Stories.assign(
                        env.fromData(ARTICLES, new AvroTypeInfo<>(EnrichedArticle.class)),
                        StoryConfig.defaults());
        assigned.sinkTo(articles);
        assigned.getSideOutput(Stories.TAG).sinkTo(stories);

        env.execute("stories at parallelism " + parallelism);

        assertThat(stories.results()).hasSize(ARTICLES.size());
        Map<String, String> ids = new TreeMap<>();
        articles.results().forEach(a -> ids.put(a.getId(), a.getStoryId()));
        return ids;
    }
}
