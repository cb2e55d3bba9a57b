package dev.newsflow.inference.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link DynamicBatcher} merges concurrent requests into one model call, bounded by the batch size,
 * and keeps every request's outputs together and in order. No timing assertions: the tests hold the
 * model on a latch so that the queue state is known when it runs.
 */
class DynamicBatcherTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    /** A model that records each call's inputs and can be held before answering. */
    private static final class RecordingModel implements Function<List<String>, List<String>> {
        final List<List<String>> calls = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch firstCallStarted = new CountDownLatch(1);
        final CountDownLatch release;

        RecordingModel(boolean hold) {
            this.release = new CountDownLatch(hold ? 1 : 0);
        }

        @Override
        public List<String> apply(List<String> inputs) {
            calls.add(List.copyOf(inputs));
            firstCallStarted.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return inputs.stream().map(String::toUpperCase).toList();
        }

        List<Integer> batchSizes() {
            synchronized (calls) {
                return calls.stream().map(List::size).toList();
            }
        }
    }

    private DynamicBatcher<String, String> batcher;

    @AfterEach
    void close() {
        if (batcher != null) {
            batcher.close();
        }
    }

    @Test
    void requestsQueuedDuringAModelCallAreMergedIntoTheNextCall() throws Exception {
        // Given: the first request occupies the model
        RecordingModel model = new RecordingModel(true);
        batcher = new DynamicBatcher<>("test", 32, Duration.ZERO, model);
        CompletableFuture<List<String>> first = batcher.submit(List.of("a"));
        assertThat(model.firstCallStarted.await(30, TimeUnit.SECONDS)).isTrue();

        // When: five requests arrive meanwhile, then the model is released
        List<CompletableFuture<List<String>>> waiting = new ArrayList<>();
        for (String text : List.of("b", "c", "d", "e", "f")) {
            waiting.add(batcher.submit(List.of(text, text + text)));
        }
        model.release.countDown();

        // Then: one call for the first request, one merged call of ten items for the other five
        assertThat(first.get(30, TimeUnit.SECONDS)).containsExactly("A");
        for (int i = 0; i < waiting.size(); i++) {
            String text = List.of("b", "c", "d", "e", "f").get(i);
            assertThat(waiting.get(i).get(30, TimeUnit.SECONDS))
                    .containsExactly(text.toUpperCase(), (text + text).toUpperCase());
        }
        assertThat(model.batchSizes()).containsExactly(1, 10);
        assertThat(batcher.executionCount()).isEqualTo(2);
        assertThat(batcher.inferenceCount()).isEqualTo(11);
    }

    @Test
    void aFullBatchRunsWithoutWaitingForTheQueueDelay() throws Exception {
        // Given: a queue delay far longer than the test may take
        RecordingModel model = new RecordingModel(false);
        batcher = new DynamicBatcher<>("test", 4, Duration.ofHours(1), model);

        // When: four single-item requests fill a batch
        List<CompletableFuture<List<String>>> requests = new ArrayList<>();
        for (String text : List.of("w", "x", "y", "z")) {
            requests.add(batcher.submit(List.of(text)));
        }

        // Then: they complete together, as one call, long before the delay
        CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new))
                .get(30, TimeUnit.SECONDS);
        assertThat(model.batchSizes()).containsExactly(4);
    }

    @Test
    void aLoneRequestRunsOnceTheQueueDelayHasPassed() throws Exception {
        RecordingModel model = new RecordingModel(false);
        batcher = new DynamicBatcher<>("test", 32, Duration.ofMillis(5), model);

        assertThat(batcher.submit(List.of("solo")).get(30, TimeUnit.SECONDS))
                .containsExactly("SOLO");
        assertThat(model.batchSizes()).containsExactly(1);
    }

    @Test
    void aRequestLargerThanTheBatchSizeIsSplitAndReassembledInOrder() throws Exception {
        // Given: the model is busy, so the whole request is queued before the next call
        RecordingModel model = new RecordingModel(true);
        batcher = new DynamicBatcher<>("test", 4, Duration.ZERO, model);
        batcher.submit(List.of("busy"));
        assertThat(model.firstCallStarted.await(30, TimeUnit.SECONDS)).isTrue();
        List<String> texts = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");

        // When
        CompletableFuture<List<String>> outputs = batcher.submit(texts);
        model.release.countDown();

        // Then
        assertThat(outputs.get(30, TimeUnit.SECONDS))
                .containsExactly("A", "B", "C", "D", "E", "F", "G", "H", "I", "J");
        assertThat(model.batchSizes()).containsExactly(1, 4, 4, 2);
    }

    @Test
    void aFailingModelCallFailsEveryRequestInTheBatchAndTheBatcherCarriesOn() throws Exception {
        // Given: a model that fails on "boom", busy with a first request
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        batcher =
                new DynamicBatcher<>(
                        "test",
                        32,
                        Duration.ZERO,
                        inputs -> {
                            if (inputs.contains("hold")) {
                                busy.countDown();
                                await(release);
                            }
                            if (inputs.contains("boom")) {
                                throw new IllegalStateException("model exploded");
                            }
                            return inputs;
                        });
        batcher.submit(List.of("hold"));
        assertThat(busy.await(30, TimeUnit.SECONDS)).isTrue();

        // When: an innocent and a failing request queue up and then share the next call
        CompletableFuture<List<String>> innocent = batcher.submit(List.of("fine"));
        CompletableFuture<List<String>> guilty = batcher.submit(List.of("boom"));
        release.countDown();

        // Then
        assertThatThrownBy(() -> guilty.get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasRootCauseMessage("model exploded");
        assertThatThrownBy(() -> innocent.get(30, TimeUnit.SECONDS))
                .hasRootCauseMessage("model exploded");
        assertThat(batcher.submit(List.of("later")).get(30, TimeUnit.SECONDS))
                .containsExactly("later");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aModelReturningTheWrongNumberOfOutputsFailsTheBatch() {
        batcher = new DynamicBatcher<>("test", 32, Duration.ZERO, inputs -> List.of());

        assertThatThrownBy(() -> batcher.submit(List.of("x")).get(30, TimeUnit.SECONDS))
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("model 'test' returned 0 outputs for 1 inputs");
    }

    @Test
    void closeFinishesQueuedRequestsThenRejectsNewOnes() throws Exception {
        // Given: requests queued behind a held model call
        RecordingModel model = new RecordingModel(true);
        batcher = new DynamicBatcher<>("test", 32, Duration.ZERO, model);
        CompletableFuture<List<String>> running = batcher.submit(List.of("a"));
        assertThat(model.firstCallStarted.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<List<String>> queued = batcher.submit(List.of("b"));

        // When
        CompletableFuture<Void> closing = CompletableFuture.runAsync(batcher::close);
        model.release.countDown();
        closing.get(30, TimeUnit.SECONDS);

        // Then
        assertThat(running.get()).containsExactly("A");
        assertThat(queued.get()).containsExactly("B");
        assertThatThrownBy(() -> batcher.submit(List.of("c")).get())
                .hasCauseInstanceOf(RejectedExecutionException.class)
                .hasMessageContaining("shutting down");
    }

    @Test
    void anEmptyRequestCompletesAtOnceWithoutAModelCall() throws Exception {
        RecordingModel model = new RecordingModel(false);
        batcher = new DynamicBatcher<>("test", 32, Duration.ZERO, model);

        assertThat(batcher.submit(List.of()).get(30, TimeUnit.SECONDS)).isEmpty();
        assertThat(model.calls).isEmpty();
    }

    @Test
    void rejectsNonsensicalSettings() {
        assertThatThrownBy(() -> new DynamicBatcher<String, String>("x", 0, LONG, i -> i))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () ->
                                new DynamicBatcher<String, String>(
                                        "x", 1, Duration.ofMillis(-1), i -> i))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
