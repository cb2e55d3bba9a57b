package dev.newsflow.jobs.functions.dedup;

import java.time.Duration;
import org.apache.flink.api.common.state.StateTtlConfig;

/** The state time-to-live every dedup stage uses. */
final class DedupState {

    private DedupState() {}

    /**
     * Processing-time TTL counted from the last write; expired entries are never returned and are
     * cleaned up in the background (incrementally on the heap, by compaction in RocksDB).
     */
    static StateTtlConfig ttl(Duration ttl) {
        return StateTtlConfig.newBuilder(ttl)
                .updateTtlOnCreateAndWrite()
                .neverReturnExpired()
                .build();
    }
}
