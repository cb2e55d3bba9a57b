package dev.newsflow.jobs.source.feeds;

import java.util.Set;
import org.apache.flink.api.connector.source.SourceEvent;

/**
 * Enumerator → reader, when the reader (re-)registers: every split that is still active. A reader
 * restored from a checkpoint drops the splits it holds that are not in the set, i.e. feeds removed
 * after that checkpoint, whose removal it could not be told about while it was down.
 */
public record ActiveFeeds(Set<String> splitIds) implements SourceEvent {

    public ActiveFeeds {
        splitIds = Set.copyOf(splitIds);
    }
}
