package dev.newsflow.jobs.functions.dedup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The LSH band index, keyed by band key: each bucket holds its recent members (article id → probe
 * with signature and order key). Every probe gets exactly one {@link NearDuplicateVerdict}: the
 * best earlier member at or above the threshold ({@link NearDuplicateRule#bestEarlier}), or none;
 * members that are later in the order key but got here first and duplicate the probe get a late
 * verdict naming it (a copy that overtook its original is still caught while it waits for its other
 * bands); then the probe joins the bucket. A bucket keeps at most {@code bucketCap} members,
 * evicting the oldest in the order key, and each member expires {@code ttl} after it joined.
 */
public final class NearDuplicateBands
        extends KeyedProcessFunction<Long, BandProbe, NearDuplicateVerdict> {

    private final NearDuplicateRule rule;
    private final int bucketCap;
    private final Duration ttl;
    private transient MapState<String, BandProbe> members;
    private transient Counter evicted;

    public NearDuplicateBands(NearDuplicateRule rule, int bucketCap, Duration ttl) {
        if (bucketCap < 1) {
            throw new IllegalArgumentException("bucket cap must be >= 1, got " + bucketCap);
        }
        this.rule = rule;
        this.bucketCap = bucketCap;
        this.ttl = ttl;
    }

    @Override
    public void open(OpenContext openContext) {
        MapStateDescriptor<String, BandProbe> descriptor =
                new MapStateDescriptor<>(
                        "bucket-members", Types.STRING, TypeInformation.of(BandProbe.class));
        descriptor.enableTimeToLive(DedupState.ttl(ttl));
        members = getRuntimeContext().getMapState(descriptor);
        evicted = getRuntimeContext().getMetricGroup().counter("evictedMembers");
    }

    @Override
    public void processElement(BandProbe probe, Context ctx, Collector<NearDuplicateVerdict> out)
            throws Exception {
        List<BandProbe> current = new ArrayList<>();
        members.values().forEach(current::add);
        Optional<NearDuplicateRule.Match> match = rule.bestEarlier(probe, current);
        out.collect(
                match.isPresent()
                        ? NearDuplicateVerdict.match(
                                probe.versionKey(),
                                match.get().member().articleId,
                                match.get().similarity())
                        : NearDuplicateVerdict.none(probe.versionKey()));
        for (NearDuplicateRule.Match later : rule.laterDuplicates(probe, current)) {
            out.collect(
                    NearDuplicateVerdict.late(
                            later.member().versionKey(), probe.articleId, later.similarity()));
        }
        insert(probe, current);
    }

    /** Adds the probe, keeping the latest version per article id and at most the cap. */
    private void insert(BandProbe probe, List<BandProbe> current) throws Exception {
        for (BandProbe member : current) {
            if (member.articleId.equals(probe.articleId) && !member.isEarlierThan(probe)) {
                return; // a later version of the same article is already here
            }
        }
        current.removeIf(member -> member.articleId.equals(probe.articleId));
        members.put(probe.articleId, probe);
        current.add(probe);
        if (current.size() > bucketCap) {
            current.sort(BandProbe.ORDER);
            for (BandProbe oldest : current.subList(0, current.size() - bucketCap)) {
                members.remove(oldest.articleId);
                evicted.inc();
            }
        }
    }
}
