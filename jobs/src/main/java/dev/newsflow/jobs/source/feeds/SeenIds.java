package dev.newsflow.jobs.source.feeds;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The bounded memory of item fingerprints a feed has shown, oldest first. Fingerprints still
 * present in the feed are refreshed on every poll, so only items that have left the feed age out;
 * when more than {@code capacity} are known the oldest are forgotten first.
 */
final class SeenIds {

    private final int capacity;
    private final LinkedHashSet<Long> ids = new LinkedHashSet<>();

    SeenIds(int capacity, List<Long> initial) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        touchAll(initial);
    }

    boolean contains(long id) {
        return ids.contains(id);
    }

    /** Records {@code present} as seen now (in order), then forgets the oldest beyond capacity. */
    void touchAll(List<Long> present) {
        for (Long id : present) {
            ids.remove(id);
            ids.add(id);
        }
        Iterator<Long> oldest = ids.iterator();
        for (int excess = ids.size() - capacity; excess > 0; excess--) {
            oldest.next();
            oldest.remove();
        }
    }

    int size() {
        return ids.size();
    }

    List<Long> toList() {
        return new ArrayList<>(ids);
    }
}
