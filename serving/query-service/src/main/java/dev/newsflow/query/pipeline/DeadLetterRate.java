package dev.newsflow.query.pipeline;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Dead letters from the offsets of {@code news.dlq}, without reading a record: retained = end −
 * start, last hour = end − the first offset at or after an hour ago. Offsets are an upper bound on
 * records: the job writes dead letters in exactly-once transactions, and each commit marker takes
 * an offset too.
 */
public final class DeadLetterRate {

    private DeadLetterRate() {}

    /**
     * @param earliest first retained offset per partition
     * @param latest end offset per partition
     * @param hourAgo first offset with a timestamp at or after an hour ago, per partition; absent
     *     or negative: no record that recent
     */
    public static JsonObject of(
            String topic,
            Map<TopicPartition, Long> earliest,
            Map<TopicPartition, Long> latest,
            Map<TopicPartition, Long> hourAgo) {
        long retained = 0;
        long lastHour = 0;
        for (Map.Entry<TopicPartition, Long> e : latest.entrySet()) {
            long end = e.getValue();
            retained += Math.max(0, end - earliest.getOrDefault(e.getKey(), end));
            long since = hourAgo.getOrDefault(e.getKey(), -1L);
            if (since >= 0) {
                lastHour += Math.max(0, end - since);
            }
        }
        return new JsonObject()
                .put("topic", topic)
                .put("retained", retained)
                .put("lastHour", lastHour)
                .put("approximate", true);
    }
}
