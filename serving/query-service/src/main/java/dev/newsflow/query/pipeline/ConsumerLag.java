package dev.newsflow.query.pipeline;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The lag of one consumer group: per partition, the end offset (last stable offset, as the jobs
 * read {@code read_committed}) minus the group's committed offset. Flink commits offsets on
 * checkpoints, so the lag is as of the job's last completed checkpoint.
 */
public final class ConsumerLag {

    private ConsumerLag() {}

    /**
     * @param committed the group's committed offsets (empty: the group never committed)
     * @param end the end offsets of the same partitions; a partition missing here is skipped
     */
    public static JsonObject of(
            String group, Map<TopicPartition, Long> committed, Map<TopicPartition, Long> end) {
        JsonArray partitions = new JsonArray();
        long total = 0;
        var ordered =
                committed.keySet().stream()
                        .sorted(
                                Comparator.comparing(TopicPartition::topic)
                                        .thenComparingInt(TopicPartition::partition))
                        .toList();
        for (TopicPartition tp : ordered) {
            Long endOffset = end.get(tp);
            if (endOffset == null) {
                continue;
            }
            long position = committed.get(tp);
            // A committed offset past the end (a truncated or recreated topic) is no lag.
            long lag = Math.max(0, endOffset - position);
            total += lag;
            partitions.add(
                    new JsonObject()
                            .put("topic", tp.topic())
                            .put("partition", tp.partition())
                            .put("committed", position)
                            .put("end", endOffset)
                            .put("lag", lag));
        }
        return new JsonObject()
                .put("group", group)
                .put("state", committed.isEmpty() ? "NO_COMMITTED_OFFSETS" : "OK")
                .put("lag", total)
                .put("partitions", partitions);
    }
}
