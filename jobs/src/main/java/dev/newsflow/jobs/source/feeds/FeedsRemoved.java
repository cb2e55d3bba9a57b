package dev.newsflow.jobs.source.feeds;

import java.util.List;
import org.apache.flink.api.connector.source.SourceEvent;

/** Enumerator → reader: stop polling these splits (feeds removed through feeds.control). */
public record FeedsRemoved(List<String> splitIds) implements SourceEvent {

    public FeedsRemoved {
        splitIds = List.copyOf(splitIds);
    }
}
