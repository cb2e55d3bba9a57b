package dev.newsflow.jobs.functions.stories;

import dev.newsflow.jobs.config.StoryConfig;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.Story;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/** {@link AssignStories} in an operator test harness, with its outputs and state at hand. */
final class StoryHarness implements AutoCloseable {

    private final StoryConfig config;
    private final KeyedOneInputStreamOperatorTestHarness<String, EnrichedArticle, EnrichedArticle>
            harness;

    private StoryHarness(StoryConfig config, boolean rocksDb, OperatorSubtaskState restoreFrom)
            throws Exception {
        this.config = config;
        this.harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new AssignStories(config)),
                        new ShardKey(),
                        Types.STRING);
        if (rocksDb) {
            harness.setStateBackend(new EmbeddedRocksDBStateBackend());
        }
        if (restoreFrom != null) {
            harness.initializeState(restoreFrom);
        }
        harness.open();
    }

    /** On the heap state backend. */
    static StoryHarness open(StoryConfig config) throws Exception {
        return new StoryHarness(config, false, null);
    }

    /** On RocksDB, as in production: every state access goes through the serializers. */
    static StoryHarness openOnRocksDb(StoryConfig config) throws Exception {
        return new StoryHarness(config, true, null);
    }

    /** On RocksDB, from a snapshot of {@link #openOnRocksDb}. */
    static StoryHarness restoreOnRocksDb(StoryConfig config, OperatorSubtaskState snapshot)
            throws Exception {
        return new StoryHarness(config, true, snapshot);
    }

    StoryHarness process(EnrichedArticle... articles) throws Exception {
        for (EnrichedArticle article : articles) {
            harness.processElement(article, 0);
        }
        return this;
    }

    OperatorSubtaskState snapshot() throws Exception {
        return harness.snapshot(1L, 1L);
    }

    /** The labelled articles, in order. */
    List<EnrichedArticle> articles() {
        return harness.extractOutputValues();
    }

    /** The labelled article with this id (the latest, if it came twice). */
    EnrichedArticle article(String id) {
        List<EnrichedArticle> matching =
                articles().stream().filter(a -> a.getId().equals(id)).toList();
        return matching.get(matching.size() - 1);
    }

    /** The story versions emitted on the side output, in order. */
    List<Story> stories() {
        List<Story> out = new ArrayList<>();
        Queue<StreamRecord<Story>> records = harness.getSideOutput(Stories.TAG);
        if (records != null) { // null until the first story
            for (StreamRecord<Story> record : records) {
                out.add(record.getValue());
            }
        }
        return out;
    }

    /** The latest version of a story. */
    Story story(String storyId) {
        List<Story> versions =
                stories().stream().filter(s -> s.getStoryId().equals(storyId)).toList();
        return versions.get(versions.size() - 1);
    }

    /** The ids of the stories in the state of shard {@code key}. */
    List<String> activeStoryIds(String key) throws Exception {
        KeyedStateBackend<String> backend =
                ((AbstractStreamOperator<?>) harness.getOperator()).getKeyedStateBackend();
        backend.setCurrentKey(key);
        MapState<String, ActiveStory> state =
                backend.getPartitionedState(
                        VoidNamespace.INSTANCE,
                        VoidNamespaceSerializer.INSTANCE,
                        AssignStories.storiesDescriptor(config));
        List<String> ids = new ArrayList<>();
        for (Map.Entry<String, ActiveStory> e : state.entries()) {
            ids.add(e.getKey());
        }
        return ids;
    }

    @Override
    public void close() throws Exception {
        harness.close();
    }
}
