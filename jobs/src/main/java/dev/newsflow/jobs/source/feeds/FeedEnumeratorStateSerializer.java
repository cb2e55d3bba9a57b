package dev.newsflow.jobs.source.feeds;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Binary form of the {@link FeedEnumeratorState}. Version 1; pending splits are written in the
 * {@link FeedSplitSerializer} format of the same version.
 */
public final class FeedEnumeratorStateSerializer
        implements SimpleVersionedSerializer<FeedEnumeratorState> {

    static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(FeedEnumeratorState state) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        out.writeBoolean(state.seeded());
        out.writeLong(state.nextGeneration());
        out.writeInt(state.active().size());
        for (Map.Entry<String, FeedEnumeratorState.ActiveFeed> feed : state.active().entrySet()) {
            out.writeUTF(feed.getKey());
            out.writeUTF(feed.getValue().splitId());
            out.writeUTF(feed.getValue().source());
        }
        out.writeInt(state.pending().size());
        for (FeedSplit split : state.pending()) {
            FeedSplitSerializer.write(split, out);
        }
        out.writeInt(state.controlOffsets().size());
        for (Map.Entry<Integer, Long> offset : state.controlOffsets().entrySet()) {
            out.writeInt(offset.getKey());
            out.writeLong(offset.getValue());
        }
        return out.getCopyOfBuffer();
    }

    @Override
    public FeedEnumeratorState deserialize(int version, byte[] bytes) throws IOException {
        if (version != VERSION) {
            throw new IOException(
                    "Unknown FeedEnumeratorState serializer version "
                            + version
                            + " (knows "
                            + VERSION
                            + ")");
        }
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        boolean seeded = in.readBoolean();
        long nextGeneration = in.readLong();
        int activeCount = in.readInt();
        Map<String, FeedEnumeratorState.ActiveFeed> active = new LinkedHashMap<>();
        for (int i = 0; i < activeCount; i++) {
            active.put(
                    in.readUTF(), new FeedEnumeratorState.ActiveFeed(in.readUTF(), in.readUTF()));
        }
        int pendingCount = in.readInt();
        List<FeedSplit> pending = new ArrayList<>(pendingCount);
        for (int i = 0; i < pendingCount; i++) {
            pending.add(FeedSplitSerializer.read(in));
        }
        int offsetCount = in.readInt();
        Map<Integer, Long> offsets = new HashMap<>();
        for (int i = 0; i < offsetCount; i++) {
            offsets.put(in.readInt(), in.readLong());
        }
        return new FeedEnumeratorState(seeded, nextGeneration, active, pending, offsets);
    }
}
