package dev.newsflow.jobs.functions.dedup;

import java.time.Duration;
import org.apache.flink.api.common.state.StateTtlConfig;

/** The state time-to-live every dedup stage uses. */
final class DedupState {

    private DedupState() {}

    /**
     * Processing-time TTL counted from the last write; expired entries are never returned and are
     * cleaned up in the background (incrementally on the heap, by compaction in RocksDB). Most keys
     * here are never read again once written (one article, one URL), so only compaction removes
     * them; RocksDB compacts a small level rarely, so SST files older than the TTL are compacted
     * periodically: expired state is gone at most two TTLs after its last write.
     */
    static StateTtlConfig ttl(Duration ttl) {
        return StateTtlConfig.newBuilder(ttl)
                .updateTtlOnCreateAndWrite()
                .neverReturnExpired()
                .cleanupInRocksdbCompactFilter(1_000, ttl)
                .build();
    }
}
