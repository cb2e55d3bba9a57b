package dev.newsflow.jobs.functions.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-host politeness bookkeeping: at most one request in flight per host, at least {@code delay}
 * between the end of one request and the start of the next, and a host that throttled us (429,
 * Retry-After) left alone until the time it asked for. Not thread-safe: one owner thread or
 * external locking.
 */
public final class HostSchedule {

    private final Duration delay;
    private final Map<String, Slot> hosts = new HashMap<>();

    public HostSchedule(Duration delay) {
        this.delay = delay;
    }

    /** The earliest time a request to {@code host} may start; null while one is in flight. */
    public Instant readyAt(String host) {
        Slot slot = hosts.get(host);
        if (slot == null) {
            return Instant.EPOCH;
        }
        return slot.busy ? null : slot.freeAt;
    }

    /** Marks a request to {@code host} as started, if the host is free at {@code now}. */
    public boolean tryAcquire(String host, Instant now) {
        Slot slot = hosts.computeIfAbsent(host, h -> new Slot());
        if (slot.busy || slot.freeAt.isAfter(now)) {
            return false;
        }
        slot.busy = true;
        return true;
    }

    /** Marks the request to {@code host} as finished at {@code now}. */
    public void release(String host, Instant now) {
        Slot slot = hosts.computeIfAbsent(host, h -> new Slot());
        slot.busy = false;
        slot.freeAt = later(slot.freeAt, now.plus(delay));
    }

    /** Leaves {@code host} alone until {@code until} (a Retry-After). */
    public void blockUntil(String host, Instant until) {
        Slot slot = hosts.computeIfAbsent(host, h -> new Slot());
        slot.freeAt = later(slot.freeAt, until);
    }

    /**
     * Forgets hosts that are idle and free again, so the map does not grow with every host seen.
     */
    public void prune(Instant now) {
        hosts.values().removeIf(slot -> !slot.busy && !slot.freeAt.isAfter(now));
    }

    /** Hosts currently tracked. */
    public int size() {
        return hosts.size();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static final class Slot {
        boolean busy;
        Instant freeAt = Instant.EPOCH;
    }
}
