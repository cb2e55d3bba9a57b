package dev.newsflow.jobs.functions.stories;

import dev.newsflow.jobs.config.StoryConfig;
import dev.newsflow.jobs.functions.Vectors;
import dev.newsflow.schemas.EnrichedArticle;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assigns each article to a story, founding one when none matches, scores the story and emits the
 * labelled article and, on {@link Stories#TAG}, the story's new version.
 *
 * <p><b>Keyed by language</b> ({@link ShardKey}). An article can only join a story of its own
 * language, so all the stories it could join, and all the stories its story's novelty is measured
 * against, are in the state of its key: the assignment is the same at parallelism 1 or 100. Work
 * spreads over subtasks by language; one language is one subtask's work.
 *
 * <p><b>Bounded state and cost.</b> Per language at most {@link StoryConfig#maxActiveStories()}
 * stories (the least recently seen one goes beyond it), each of bounded size ({@link
 * StoryUpdates}); a story whose latest article is more than the window older than the newest
 * article of its shard is dropped. Each article scans the shard's stories once: cost O(active
 * stories × embedding dimension). A processing-time TTL, well beyond the window, removes the state
 * of shards that stop getting articles.
 *
 * <p><b>Deterministic.</b> Only article times drive decisions (never the wall clock), ties go to
 * the lower story id, so replaying the same articles in the same order after a restore gives the
 * same stories.
 */
public class AssignStories extends KeyedProcessFunction<String, EnrichedArticle, EnrichedArticle> {

    private static final Logger LOG = LoggerFactory.getLogger(AssignStories.class);

    private final StoryConfig config;

    private transient MapState<String, ActiveStory> stories;
    private transient ValueState<Long> clock;
    private transient Counter founded;
    private transient Counter joined;
    private transient Counter unassigned;
    private transient Counter dropped;

    public AssignStories(StoryConfig config) {
        this.config = config;
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<Long> clockDescriptor =
                new ValueStateDescriptor<>("clock", Types.LONG);
        clockDescriptor.enableTimeToLive(ttl(config));
        stories = getRuntimeContext().getMapState(storiesDescriptor(config));
        clock = getRuntimeContext().getState(clockDescriptor);
        MetricGroup metrics = getRuntimeContext().getMetricGroup().addGroup("stories");
        founded = metrics.counter("founded");
        joined = metrics.counter("joined");
        unassigned = metrics.counter("unassigned");
        dropped = metrics.counter("dropped");
    }

    @Override
    public void processElement(EnrichedArticle input, Context ctx, Collector<EnrichedArticle> out)
            throws Exception {
        // A copy this function owns and labels; the input is left as it came.
        EnrichedArticle article =
                EnrichedArticle.newBuilder(input)
                        .setKeywords(Keywords.of(input.getTitle(), input.getText()))
                        .build();
        float[] vector = Vectors.usable(article.getEmbedding());
        if (vector == null) {
            // Inference dead-letters failed embeddings, so this is a contract breach upstream;
            // the article still reaches the index and the topic, only without a story.
            LOG.warn(
                    "Article {} ({}) has no usable embedding; passed on without a story",
                    article.getId(),
                    article.getUrl());
            unassigned.inc();
            out.collect(article);
            return;
        }
        long time = ArticleTimes.eventTime(article);
        Long previous = clock.value();
        long now = previous == null ? time : Math.max(previous, time);
        clock.update(now);

        ShardScan scan =
                new ShardScan(article.getId(), vector, article.getKeywords(), time, now, config);
        for (Map.Entry<String, ActiveStory> entry : stories.entries()) {
            scan.visit(entry.getKey(), entry.getValue());
        }
        remove(scan.expired());

        ActiveStory story = scan.containing();
        if (story == null) {
            story = update(article, vector, time, scan);
            ctx.output(Stories.TAG, StoryRecords.toStory(story));
        }
        StoryRecords.label(article, story);
        out.collect(article);
    }

    /** Adds the article to its best story or a new one, rescores, stores and applies the cap. */
    private ActiveStory update(EnrichedArticle article, float[] vector, long time, ShardScan scan)
            throws Exception {
        ActiveStory story = scan.best();
        if (story == null) {
            story = StoryUpdates.found(article, vector.length, time);
            founded.inc();
        } else {
            joined.inc();
        }
        double authority =
                SourceAuthority.of(
                        article.getSource(), config.authority(), config.defaultAuthority());
        StoryUpdates.add(story, article, vector, authority, time, config.maxMembers());
        StoryUpdates.rescore(
                story,
                article.getFetchedAt().toEpochMilli(),
                scan.maxCosineToOthers(story),
                config);
        stories.put(story.storyId, story);
        scan.lastSeen().put(story.storyId, story.lastSeen);
        remove(StoryEviction.overCap(scan.lastSeen(), config.maxActiveStories()));
        return story;
    }

    /** Story id → story, per shard. */
    static MapStateDescriptor<String, ActiveStory> storiesDescriptor(StoryConfig config) {
        MapStateDescriptor<String, ActiveStory> descriptor =
                new MapStateDescriptor<>(
                        "active-stories", Types.STRING, TypeInformation.of(ActiveStory.class));
        descriptor.enableTimeToLive(ttl(config));
        return descriptor;
    }

    /**
     * The backstop: state not written for {@link StoryConfig#stateTtl()} of processing time goes.
     * Far longer than the window, it only matters for shards that stop getting articles; a replay
     * runs faster than real time, so it never removes a story the window would still keep.
     */
    private static StateTtlConfig ttl(StoryConfig config) {
        return StateTtlConfig.newBuilder(config.stateTtl())
                .updateTtlOnCreateAndWrite()
                .neverReturnExpired()
                // Compact files older than the TTL, so expired state leaves RocksDB in bounded
                // time.
                .cleanupInRocksdbCompactFilter(1_000, config.stateTtl())
                .build();
    }

    private void remove(List<String> ids) throws Exception {
        for (String id : ids) {
            stories.remove(id);
            dropped.inc();
        }
    }
}
