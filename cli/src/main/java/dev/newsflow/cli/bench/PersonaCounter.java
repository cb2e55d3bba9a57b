package dev.newsflow.cli.bench;

import java.time.Duration;

/**
 * Counts the interactions the persona job has applied: its {@code persona.applied} counter, read
 * through Flink's REST API (reading the 12 KB personas back from Kafka would load the broker the
 * benchmark measures).
 */
final class PersonaCounter {

    private final CheckpointStats job;
    private long highest;

    PersonaCounter(CheckpointStats job) {
        this.job = job;
    }

    /**
     * The count; never less than one read before, because a REST read made while the metric fetcher
     * holds only one subtask's counter would add up to less.
     */
    long count() throws Exception {
        highest = Math.max(highest, job.counter("update persona", "persona.applied"));
        return highest;
    }

    /** Waits until {@code n} interactions are applied; false if {@code timeout} passes first. */
    boolean await(long n, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count() < n) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }
}
