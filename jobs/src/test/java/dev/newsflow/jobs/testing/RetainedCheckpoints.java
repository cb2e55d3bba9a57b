package dev.newsflow.jobs.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The completed checkpoints a job retained under its checkpoint directory ({@code <dir>/<job
 * id>/chk-N/_metadata}), for tests that stop a job and restore it from the last one.
 */
public final class RetainedCheckpoints {

    private RetainedCheckpoints() {}

    /** The completed checkpoint with the highest number under a job's checkpoint directory. */
    public static Optional<Path> latest(Path jobDir) throws IOException {
        if (!Files.isDirectory(jobDir)) {
            return Optional.empty();
        }
        try (Stream<Path> children = Files.list(jobDir)) {
            return children.filter(p -> p.getFileName().toString().startsWith("chk-"))
                    .filter(p -> Files.exists(p.resolve("_metadata")))
                    .max(Comparator.comparingInt(RetainedCheckpoints::number));
        }
    }

    /** The number N of a {@code chk-N} directory. */
    public static int number(Path checkpoint) {
        return Integer.parseInt(checkpoint.getFileName().toString().substring("chk-".length()));
    }

    /** The number of the latest completed checkpoint, 0 if there is none yet. */
    public static int latestNumber(Path jobDir) throws IOException {
        return latest(jobDir).map(RetainedCheckpoints::number).orElse(0);
    }

    /** Waits until checkpoint {@code number} (or a later one) has completed. */
    public static void await(Path jobDir, int number, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (latestNumber(jobDir) < number) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "checkpoint "
                                + number
                                + " not completed under "
                                + jobDir
                                + " in "
                                + timeout);
            }
            Thread.sleep(100);
        }
    }
}
