package dev.newsflow.jobs.source.feeds;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Binary form of a {@link FeedSplit} in checkpoints and split assignments. Version 1: strings as
 * modified UTF-8 (nullable ones behind a presence flag), instants as epoch milliseconds, the seen
 * fingerprints as longs. A new field means a new version and a reader for the old one.
 */
public final class FeedSplitSerializer implements SimpleVersionedSerializer<FeedSplit> {

    public static final FeedSplitSerializer INSTANCE = new FeedSplitSerializer();
    static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(FeedSplit split) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64 + 8 * split.seenIds().size());
        write(split, out);
        return out.getCopyOfBuffer();
    }

    @Override
    public FeedSplit deserialize(int version, byte[] bytes) throws IOException {
        if (version != VERSION) {
            throw new IOException(
                    "Unknown FeedSplit serializer version " + version + " (knows " + VERSION + ")");
        }
        return read(new DataInputDeserializer(bytes));
    }

    static void write(FeedSplit split, DataOutputView out) throws IOException {
        out.writeUTF(split.splitId());
        out.writeUTF(split.feedUrl());
        out.writeUTF(split.source());
        writeNullable(split.etag(), out);
        writeNullable(split.lastModified(), out);
        out.writeLong(split.nextPollAt().toEpochMilli());
        out.writeInt(split.consecutiveFailures());
        out.writeBoolean(split.lastSuccessAt() != null);
        if (split.lastSuccessAt() != null) {
            out.writeLong(split.lastSuccessAt().toEpochMilli());
        }
        writeNullable(split.lastError(), out);
        out.writeInt(split.seenIds().size());
        for (long id : split.seenIds()) {
            out.writeLong(id);
        }
        out.writeInt(split.recentItemTimes().size());
        for (Instant time : split.recentItemTimes()) {
            out.writeLong(time.toEpochMilli());
        }
    }

    static FeedSplit read(DataInputView in) throws IOException {
        String splitId = in.readUTF();
        String feedUrl = in.readUTF();
        String source = in.readUTF();
        String etag = readNullable(in);
        String lastModified = readNullable(in);
        Instant nextPollAt = Instant.ofEpochMilli(in.readLong());
        int failures = in.readInt();
        Instant lastSuccessAt = in.readBoolean() ? Instant.ofEpochMilli(in.readLong()) : null;
        String lastError = readNullable(in);
        int seenCount = in.readInt();
        List<Long> seen = new ArrayList<>(seenCount);
        for (int i = 0; i < seenCount; i++) {
            seen.add(in.readLong());
        }
        int recentCount = in.readInt();
        List<Instant> recent = new ArrayList<>(recentCount);
        for (int i = 0; i < recentCount; i++) {
            recent.add(Instant.ofEpochMilli(in.readLong()));
        }
        return new FeedSplit(
                splitId,
                feedUrl,
                source,
                etag,
                lastModified,
                nextPollAt,
                failures,
                lastSuccessAt,
                lastError,
                seen,
                recent);
    }

    static void writeNullable(String value, DataOutputView out) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    static String readNullable(DataInputView in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
