package dev.newsflow.jobs.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A Sink V2 that makes records visible only when the checkpoint they belong to completes, like a
 * Kafka transaction read with read_committed: what a restore rolls back is never seen. Lets a
 * MiniCluster test check exactly-once output without a broker.
 */
public final class TransactionalCollectingSink<T> implements Sink<T>, SupportsCommitter<String> {

    private static final Map<String, List<Object>> PENDING = new ConcurrentHashMap<>();
    private static final Map<String, List<Object>> COMMITTED = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> COMMITS = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();

    public TransactionalCollectingSink() {
        COMMITTED.put(id, new CopyOnWriteArrayList<>());
        COMMITS.put(id, new AtomicInteger());
    }

    /** Everything committed so far, in commit order. */
    @SuppressWarnings("unchecked")
    public List<T> committed() {
        return new ArrayList<>((List<T>) (List<?>) COMMITTED.get(id));
    }

    /** How many transactions (one per subtask and checkpoint) were committed. */
    public int commits() {
        return COMMITS.get(id).get();
    }

    @Override
    @Deprecated
    public SinkWriter<T> createWriter(InitContext context) {
        return new Writer<>();
    }

    @Override
    public Committer<String> createCommitter(CommitterInitContext context) {
        return new CollectingCommitter(id);
    }

    @Override
    public SimpleVersionedSerializer<String> getCommittableSerializer() {
        return new TransactionIdSerializer();
    }

    private static final class Writer<T> implements CommittingSinkWriter<T, String> {
        private final List<Object> buffer = new ArrayList<>();

        @Override
        public void write(T element, Context context) {
            buffer.add(element);
        }

        @Override
        public Collection<String> prepareCommit() {
            String transaction = UUID.randomUUID().toString();
            PENDING.put(transaction, new ArrayList<>(buffer));
            buffer.clear();
            return List.of(transaction);
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
    }

    private record CollectingCommitter(String sinkId) implements Committer<String> {
        @Override
        public void commit(Collection<CommitRequest<String>> requests) {
            for (CommitRequest<String> request : requests) {
                List<Object> records = PENDING.remove(request.getCommittable());
                if (records != null) {
                    COMMITTED.get(sinkId).addAll(records);
                    COMMITS.get(sinkId).incrementAndGet();
                }
            }
        }

        @Override
        public void close() {}
    }

    private static final class TransactionIdSerializer
            implements SimpleVersionedSerializer<String> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(String transaction) {
            return transaction.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String deserialize(int version, byte[] serialized) {
            return new String(serialized, StandardCharsets.UTF_8);
        }
    }
}
