package dev.newsflow.jobs.source.feeds;

import java.io.Serializable;
import java.util.Map;

/**
 * The stream of feed commands (add/remove at run time) the enumerator follows. Polled from one
 * worker thread; {@link #close} may come from another and must end a poll in progress.
 */
public interface FeedControl extends AutoCloseable {

    /** Commands since the last poll (possibly none), waiting briefly for new ones. */
    ControlBatch poll();

    @Override
    void close();

    /** Opens the control stream at the given offsets (partition → next offset); empty = start. */
    interface Factory extends Serializable {
        FeedControl open(Map<Integer, Long> startOffsets);
    }
}
