package dev.newsflow.jobs.source.feeds;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The enumerator's checkpoint: whether the initial feed list was taken in, the generation counter
 * for split ids, the active feeds (feed URL → split id and source), the splits not yet handed to a
 * reader, and the control topic offsets (partition → next offset) the applied commands end at.
 */
public record FeedEnumeratorState(
        boolean seeded,
        long nextGeneration,
        Map<String, ActiveFeed> active,
        List<FeedSplit> pending,
        Map<Integer, Long> controlOffsets) {

    /** A feed that is being polled, or about to be. */
    public record ActiveFeed(String splitId, String source) {}

    public FeedEnumeratorState {
        active = Collections.unmodifiableMap(new LinkedHashMap<>(active));
        pending = List.copyOf(pending);
        controlOffsets = Map.copyOf(controlOffsets);
    }

    /** The state of a job that has not started yet. */
    public static FeedEnumeratorState initial() {
        return new FeedEnumeratorState(false, 0, Map.of(), List.of(), Map.of());
    }
}
