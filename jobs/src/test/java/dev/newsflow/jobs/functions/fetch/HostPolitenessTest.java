package dev.newsflow.jobs.functions.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Per-host concurrency with real threads; spacing of request starts with a fake ticker. */
class HostPolitenessTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
    }

    @Test
    void concurrencyLimitHoldsUntilAPermitIsReleased() throws Exception {
        // Given a limit of 2 per host, and 5 callers for one host that hold their permits
        HostPoliteness politeness = new HostPoliteness(2, Duration.ZERO, Ticker.SYSTEM);
        CountDownLatch finish = new CountDownLatch(1);
        ConcurrentLinkedQueue<Integer> acquiredBy = new ConcurrentLinkedQueue<>();
        List<Future<?>> callers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int caller = i;
            callers.add(
                    threads.submit(
                            () ->
                                    politeness.run(
                                            "news.example",
                                            () -> {
                                                acquiredBy.add(caller);
                                                awaitQuietly(finish);
                                                return null;
                                            })));
        }

        // When two have got in
        waitFor(() -> acquiredBy.size() >= 2);

        // Then no third gets in while they hold their permits, but another host is not blocked
        Thread.sleep(200); // correct code never admits a third, however long this waits
        assertThat(acquiredBy).hasSize(2);
        assertThat(politeness.inFlight("NEWS.example")).isEqualTo(2);
        try (HostPoliteness.Permit other = politeness.acquire("other.example")) {
            assertThat(politeness.inFlight("other.example")).isEqualTo(1);
        }

        // And when they finish, the rest get through and every permit is returned
        finish.countDown();
        for (Future<?> caller : callers) {
            caller.get(10, TimeUnit.SECONDS);
        }
        assertThat(acquiredBy).hasSize(5);
        assertThat(politeness.inFlight("news.example")).isZero();
    }

    @Test
    void startsOnOneHostAreSpacedByTheMinimumInterval() throws Exception {
        // Given 1 s between requests, plenty of concurrency, and a ticker that only moves on sleep
        FakeTicker ticker = new FakeTicker();
        HostPoliteness politeness = new HostPoliteness(10, Duration.ofSeconds(1), ticker);

        // When three requests to one host and one to another start at the same instant
        List<Long> startsMillis = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            politeness.acquire("news.example");
            startsMillis.add(ticker.nowMillis());
        }
        long before = ticker.nowMillis();
        politeness.acquire("other.example");

        // Then the first starts at once and each next one a second after the previous one,
        // while the other host is not held up at all
        assertThat(ticker.sleepsMillis()).containsExactly(1000L, 1000L);
        assertThat(startsMillis).containsExactly(0L, 1000L, 2000L);
        assertThat(ticker.nowMillis()).isEqualTo(before);
    }

    @Test
    void intervalAlsoCountsFromTheEndOfTheLastRequest() throws Exception {
        // Given 1 s between requests and one request at a time
        FakeTicker ticker = new FakeTicker();
        HostPoliteness politeness = new HostPoliteness(1, Duration.ofSeconds(1), ticker);

        // When a request takes 5 s and the next one is asked for right after it ends
        HostPoliteness.Permit first = politeness.acquire("news.example");
        ticker.advanceMillis(5_000);
        first.release();
        first.release(); // a second release is ignored
        politeness.acquire("news.example");

        // Then the next one still waits the full interval after the end of the first
        assertThat(ticker.sleepsMillis()).containsExactly(1000L);
        assertThat(ticker.nowMillis()).isEqualTo(6_000L);
        assertThat(politeness.inFlight("news.example")).isEqualTo(1);
    }

    @Test
    void idleHostDoesNotWait() throws Exception {
        // Given a host last used long ago
        FakeTicker ticker = new FakeTicker();
        HostPoliteness politeness = new HostPoliteness(1, Duration.ofSeconds(1), ticker);
        politeness.acquire("news.example").release();
        ticker.advanceMillis(60_000);

        // When the next request asks
        politeness.acquire("news.example");

        // Then it starts without sleeping
        assertThat(ticker.sleepsMillis()).isEmpty();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - end).as("condition not met within 10 s").isNegative();
            Thread.sleep(5);
        }
    }
}
