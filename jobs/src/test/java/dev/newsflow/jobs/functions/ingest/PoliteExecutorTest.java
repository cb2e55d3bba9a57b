package dev.newsflow.jobs.functions.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PoliteExecutorTest {

    /** Only guards against a hang; every future here completes within milliseconds. */
    private static final long HANG_GUARD_S = 30;

    private final PoliteExecutor executor =
            new PoliteExecutor(Duration.ofMillis(5), 4, Clock.systemUTC());

    @AfterEach
    void close() {
        executor.close();
    }

    @Test
    void requestsToOneHostRunOneAtATimeInSubmissionOrder() throws Exception {
        // Given: a pool of four threads and five requests to one host
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        List<Integer> order = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Integer>> results = new ArrayList<>();

        // When
        for (int i = 0; i < 5; i++) {
            int n = i;
            results.add(
                    executor.submit(
                            "a.example",
                            () -> {
                                maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                                order.add(n);
                                Thread.sleep(2);
                                running.decrementAndGet();
                                return n;
                            }));
        }

        // Then
        for (int i = 0; i < 5; i++) {
            assertThat(results.get(i).get(HANG_GUARD_S, TimeUnit.SECONDS)).isEqualTo(i);
        }
        assertThat(order).containsExactly(0, 1, 2, 3, 4);
        assertThat(maxRunning.get()).isEqualTo(1);
    }

    @Test
    void differentHostsAreServedConcurrently() throws Exception {
        // Given: a's request can only finish once b's has started
        CountDownLatch bStarted = new CountDownLatch(1);
        CompletableFuture<String> a =
                executor.submit(
                        "a.example",
                        () -> bStarted.await(HANG_GUARD_S, TimeUnit.SECONDS) ? "a" : "a alone");
        CompletableFuture<String> b =
                executor.submit(
                        "b.example",
                        () -> {
                            bStarted.countDown();
                            return "b";
                        });

        // Then
        assertThat(a.get(HANG_GUARD_S + 5, TimeUnit.SECONDS)).isEqualTo("a");
        assertThat(b.get(HANG_GUARD_S, TimeUnit.SECONDS)).isEqualTo("b");
    }

    @Test
    void aPausedHostIsNotContactedBeforeThePauseEnds() throws Exception {
        // Given
        Duration pause = Duration.ofMillis(300);
        long pausedAt = System.nanoTime();
        executor.pause("a.example", pause);

        // When
        long startedAt =
                executor.submit("a.example", System::nanoTime).get(HANG_GUARD_S, TimeUnit.SECONDS);

        // Then: a lower bound only, which a slow machine cannot break
        assertThat(startedAt - pausedAt).isGreaterThanOrEqualTo(pause.toNanos() - 20_000_000L);
    }

    @Test
    void aFailingRequestFailsItsFutureAndFreesTheHost() throws Exception {
        CompletableFuture<String> failing =
                executor.submit(
                        "a.example",
                        () -> {
                            throw new IllegalStateException("connection reset");
                        });
        CompletableFuture<String> next = executor.submit("a.example", () -> "next");

        assertThatThrownBy(() -> failing.get(HANG_GUARD_S, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("connection reset");
        assertThat(next.get(HANG_GUARD_S, TimeUnit.SECONDS)).isEqualTo("next");
    }
}
