package dev.newsflow.jobs.source.feeds;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Splits the task thread wants finished, handed to the fetcher thread. A request stays until the
 * fetcher holds the split (it may not have taken in the split's addition yet); the fetcher then
 * reports the split finished, which removes it from the reader's state and its checkpoints.
 */
final class RemovalRequests {

    private final Set<String> requested = ConcurrentHashMap.newKeySet();
    private volatile Runnable listener = () -> {};

    /** Called from the task thread. */
    void request(Collection<String> splitIds) {
        if (!splitIds.isEmpty()) {
            requested.addAll(splitIds);
            listener.run();
        }
    }

    /** The fetcher's wake-up, run on every request. */
    void onRequest(Runnable wakeUp) {
        listener = wakeUp;
    }

    /** Called from the fetcher thread: the requested splits among those it holds. */
    List<String> takeMatching(Set<String> held) {
        List<String> taken = new ArrayList<>();
        for (String id : requested) {
            if (held.contains(id) && requested.remove(id)) {
                taken.add(id);
            }
        }
        return taken;
    }
}
