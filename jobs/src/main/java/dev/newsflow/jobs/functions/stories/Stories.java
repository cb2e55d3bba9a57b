package dev.newsflow.jobs.functions.stories;

import dev.newsflow.jobs.config.StoryConfig;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.Story;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.OutputTag;

/** The story stage of the enrichment job: wiring helper and the side output of story versions. */
public final class Stories {

    /** Side output of {@link AssignStories}: the new version of a story each time it changes. */
    public static final OutputTag<Story> TAG = new OutputTag<>("stories") {};

    public static final String UID = "assign-stories";

    private Stories() {}

    /**
     * Keys the articles by language and assigns them to stories. The returned operator emits the
     * labelled articles; {@code getSideOutput(Stories.TAG)} gives the story versions.
     */
    public static SingleOutputStreamOperator<EnrichedArticle> assign(
            DataStream<EnrichedArticle> articles, StoryConfig config) {
        return articles.keyBy(new ShardKey())
                .process(new AssignStories(config))
                .uid(UID)
                .name("assign stories and score importance");
    }
}
