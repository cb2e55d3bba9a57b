package dev.newsflow.jobs.testing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiter;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;

/**
 * A rate limiter for a {@code DataGeneratorSource} at parallelism 1 that emits its records in waves
 * of the given sizes, each only after every operator has processed the wave before: a wave opens on
 * the second completed checkpoint after the previous one closed, and that checkpoint's barrier was
 * injected after the wave's last record. MiniCluster tests use it to make "earlier" mean "already
 * processed" without sleeping.
 */
public final class Waves implements RateLimiterStrategy {

    private final int[] sizes;

    public Waves(int... sizes) {
        this.sizes = sizes.clone();
    }

    @Override
    public RateLimiter createRateLimiter(int parallelism) {
        if (parallelism != 1) {
            throw new IllegalStateException("waves need a source at parallelism 1");
        }
        return new Gate(sizes);
    }

    private static final class Gate implements RateLimiter {
        private final int[] sizes;
        private int wave;
        private int left;
        private int checkpointsSinceClosed;
        private CompletableFuture<Void> opened;

        Gate(int[] sizes) {
            this.sizes = sizes;
            this.left = sizes[0];
        }

        @Override
        public CompletionStage<Void> acquire() {
            if (left == 0 && opened == null) {
                opened = new CompletableFuture<>();
                checkpointsSinceClosed = 0;
            }
            if (opened != null) {
                return opened;
            }
            left--;
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            if (opened != null && ++checkpointsSinceClosed == 2) {
                wave = Math.min(wave + 1, sizes.length - 1);
                left = sizes[wave] - 1; // the waiting record is the wave's first
                CompletableFuture<Void> gate = opened;
                opened = null;
                gate.complete(null);
            }
        }
    }
}
