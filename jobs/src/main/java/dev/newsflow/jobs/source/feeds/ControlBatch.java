package dev.newsflow.jobs.source.feeds;

import dev.newsflow.schemas.FeedCommand;
import java.util.List;
import java.util.Map;

/**
 * Feed commands read from the control topic in one poll, and the offsets to resume from after them
 * (partition → next offset).
 */
public record ControlBatch(List<FeedCommand> commands, Map<Integer, Long> nextOffsets) {

    public static final ControlBatch EMPTY = new ControlBatch(List.of(), Map.of());

    public ControlBatch {
        commands = List.copyOf(commands);
        nextOffsets = Map.copyOf(nextOffsets);
    }
}
