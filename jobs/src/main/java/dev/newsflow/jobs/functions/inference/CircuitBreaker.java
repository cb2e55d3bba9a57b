package dev.newsflow.jobs.functions.inference;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling a server that keeps failing. CLOSED: calls pass; after {@code failureThreshold}
 * consecutive failed batches it turns OPEN: calls are refused at once (no deadline to wait out, no
 * load on a struggling server). After {@code coolDown} the next call is let through as a probe
 * (HALF_OPEN, one at a time): its success closes the breaker, its failure opens it again.
 * Thread-safe; the clock is injected so that tests need no sleeps.
 */
public final class CircuitBreaker {

    /** Gauge values are the ordinals: 0 closed, 1 half-open, 2 open. */
    public enum State {
        CLOSED,
        HALF_OPEN,
        OPEN
    }

    private final int failureThreshold;
    private final Duration coolDown;
    private final Clock clock;
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private Instant openedAt = Instant.MIN;
    private boolean probeInFlight;

    public CircuitBreaker(int failureThreshold, Duration coolDown, Clock clock) {
        if (failureThreshold < 1 || coolDown.isNegative()) {
            throw new IllegalArgumentException(
                    "need failureThreshold >= 1 and coolDown >= 0, got "
                            + failureThreshold
                            + ", "
                            + coolDown);
        }
        this.failureThreshold = failureThreshold;
        this.coolDown = coolDown;
        this.clock = clock;
    }

    /** Whether a call may go out now; when true, report its outcome with one of the on* methods. */
    public synchronized boolean tryAcquire() {
        if (state == State.OPEN && !clock.instant().isBefore(openedAt.plus(coolDown))) {
            state = State.HALF_OPEN;
        }
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (probeInFlight) {
                    yield false;
                }
                probeInFlight = true;
                yield true;
            }
        };
    }

    public synchronized void onSuccess() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        probeInFlight = false;
    }

    public synchronized void onFailure() {
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
            state = State.OPEN;
            openedAt = clock.instant();
        }
        probeInFlight = false;
    }

    /**
     * A call that ended without saying anything about the server's health (the request itself was
     * invalid): frees the probe slot, changes nothing else.
     */
    public synchronized void onNeutral() {
        probeInFlight = false;
    }

    public synchronized State state() {
        return state;
    }

    public synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }
}
