package dev.newsflow.jobs.functions.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.jobs.testing.ManualTimer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class MicroBatcherTest {

    private final ManualTimer timer = new ManualTimer();
    private final List<List<Integer>> batches = new CopyOnWriteArrayList<>();
    private final MicroBatcher<Integer> batcher =
            new MicroBatcher<>(3, Duration.ofMillis(50), timer, batches::add);

    @Test
    void aFullBatchGoesOutAtOnce() {
        // When: three items arrive, then a fourth
        batcher.add(1);
        batcher.add(2);
        batcher.add(3);
        batcher.add(4);

        // Then: the first three went out without waiting; the fourth waits
        assertThat(batches).containsExactly(List.of(1, 2, 3));
        assertThat(batcher.queued()).isEqualTo(1);
    }

    @Test
    void aPartialBatchGoesOutMaxWaitAfterItsFirstItem() {
        // Given: two items, the second 30 ms after the first
        batcher.add(1);
        timer.advance(Duration.ofMillis(30));
        batcher.add(2);

        // When / Then: nothing before 50 ms from the first item; both at 50 ms
        timer.advance(Duration.ofMillis(19));
        assertThat(batches).isEmpty();
        timer.advance(Duration.ofMillis(1));
        assertThat(batches).containsExactly(List.of(1, 2));
        assertThat(batcher.queued()).isZero();
    }

    @Test
    void theTimerOfABatchThatWentOutFullDoesNotCutTheNextBatchShort() {
        // Given: a batch that filled up, and a new item 40 ms later
        batcher.add(1);
        batcher.add(2);
        batcher.add(3);
        timer.advance(Duration.ofMillis(40));
        batcher.add(4);

        // When: the first batch's timer fires (at 50 ms)
        timer.advance(Duration.ofMillis(10));

        // Then: item 4 still waits for its own timer (at 90 ms)
        assertThat(batches).containsExactly(List.of(1, 2, 3));
        timer.advance(Duration.ofMillis(40));
        assertThat(batches).containsExactly(List.of(1, 2, 3), List.of(4));
    }

    @Test
    void flushHandsOnWhatIsQueuedAndNothingWhenEmpty() {
        batcher.flush();
        assertThat(batches).isEmpty();

        batcher.add(7);
        batcher.flush();

        assertThat(batches).containsExactly(List.of(7));
    }
}
