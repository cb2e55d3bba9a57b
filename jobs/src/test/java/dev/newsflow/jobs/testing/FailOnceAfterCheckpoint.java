package dev.newsflow.jobs.testing;

import dev.newsflow.jobs.functions.ingest.FeedEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;

/**
 * Passes feed events through and fails the job once, on the first item after a completed checkpoint
 * that covered at least one item. So at the failure some items are committed (a restore must not
 * emit them again) and at least one is not (a restore must emit it again).
 */
public final class FailOnceAfterCheckpoint
        implements MapFunction<FeedEvent, FeedEvent>, CheckpointedFunction, CheckpointListener {

    private static final Set<String> FAILED = ConcurrentHashMap.newKeySet();

    private final String id;
    private transient Map<Long, Long> itemsAtCheckpoint;
    private transient long items;
    private transient boolean armed;

    public FailOnceAfterCheckpoint(String id) {
        this.id = id;
    }

    /** Whether the failure with this id has happened. */
    public static boolean failed(String id) {
        return FAILED.contains(id);
    }

    @Override
    public FeedEvent map(FeedEvent event) {
        if (event.isItem()) {
            if (armed && FAILED.add(id)) {
                throw new IllegalStateException("Planned failure after a completed checkpoint");
            }
            items++;
        }
        return event;
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {
        itemsAtCheckpoint.put(context.getCheckpointId(), items);
    }

    @Override
    public void initializeState(FunctionInitializationContext context) {
        itemsAtCheckpoint = new HashMap<>();
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        if (itemsAtCheckpoint.getOrDefault(checkpointId, 0L) > 0) {
            armed = true;
        }
    }
}
