package dev.newsflow.jobs.serde;

/**
 * A Kafka record as it arrived, bytes untouched, with its coordinates. Sources emit these so that a
 * record which cannot be decoded can still be dead-lettered with its origin and payload.
 */
public class RawRecord implements java.io.Serializable {

    public String topic;
    public int partition;
    public long offset;
    public byte[] key;
    public byte[] value;

    /** For Flink's POJO serializer. */
    public RawRecord() {}

    public RawRecord(String topic, int partition, long offset, byte[] key, byte[] value) {
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.key = key;
        this.value = value;
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
