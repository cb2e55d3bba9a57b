package dev.newsflow.inference.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-side dynamic batching, as Triton's dynamic batcher does it: items of concurrent requests
 * wait in one queue and are merged into a single model call of at most {@code maxBatchSize} items;
 * a call starts when the batch is full or when its oldest item has waited {@code maxQueueDelay}.
 * Requests larger than the batch size are spread over several calls and complete when their last
 * item is done. One dedicated thread runs the model, so calls never overlap: on a CPU the model
 * already uses every core inside one call, and a second concurrent call would only compete for
 * them.
 *
 * <p>A failing model call fails every request that had an item in it; requests never see partial
 * results.
 *
 * @param <I> model input per item (a text)
 * @param <O> model output per item (an embedding, a summary)
 */
public final class DynamicBatcher<I, O> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DynamicBatcher.class);

    private static final long IDLE_POLL_MILLIS = 50;

    private final String name;
    private final int maxBatchSize;
    private final long maxQueueDelayNanos;
    private final Function<List<I>, List<O>> model;
    private final BlockingQueue<Slot<I, O>> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private final AtomicLong executions = new AtomicLong();
    private final AtomicLong inferences = new AtomicLong();
    private volatile boolean closed;

    /**
     * Starts the batching thread.
     *
     * @param name model name, for the thread name and logs
     * @param maxBatchSize most items per model call
     * @param maxQueueDelay longest an item waits for others before a partial batch runs
     * @param model one call per batch; must return one output per input, in order
     */
    public DynamicBatcher(
            String name,
            int maxBatchSize,
            Duration maxQueueDelay,
            Function<List<I>, List<O>> model) {
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be >= 1, was " + maxBatchSize);
        }
        if (maxQueueDelay.isNegative()) {
            throw new IllegalArgumentException("maxQueueDelay must be >= 0, was " + maxQueueDelay);
        }
        this.name = Objects.requireNonNull(name, "name");
        this.maxBatchSize = maxBatchSize;
        this.maxQueueDelayNanos = maxQueueDelay.toNanos();
        this.model = Objects.requireNonNull(model, "model");
        this.worker = new Thread(this::run, "batcher-" + name);
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Queues the items of one request.
     *
     * @return completes with one output per item, in order, or exceptionally with the model's
     *     error; with {@link RejectedExecutionException} if the batcher is closed
     */
    public CompletableFuture<List<O>> submit(List<I> items) {
        Request<O> request = new Request<>(items.size());
        if (closed) {
            request.future.completeExceptionally(
                    new RejectedExecutionException("model '" + name + "' is shutting down"));
            return request.future;
        }
        if (items.isEmpty()) {
            request.future.complete(List.of());
            return request.future;
        }
        long now = System.nanoTime();
        for (int i = 0; i < items.size(); i++) {
            queue.add(new Slot<>(request, i, items.get(i), now));
        }
        if (closed && !worker.isAlive()) {
            // Lost the race with close(): nobody will take these items.
            failAll(new RejectedExecutionException("model '" + name + "' is shutting down"));
        }
        return request.future;
    }

    /** Model calls made so far (Triton's execution_count). */
    public long executionCount() {
        return executions.get();
    }

    /** Items inferred so far (Triton's inference_count). */
    public long inferenceCount() {
        return inferences.get();
    }

    /** Stops taking requests, finishes the queued ones, and waits up to 30 s for the thread. */
    @Override
    public void close() {
        closed = true;
        try {
            worker.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Anything that slipped in after the worker's last look, or was left by a stuck model.
        failAll(new RejectedExecutionException("model '" + name + "' is shutting down"));
    }

    private void run() {
        List<Slot<I, O>> batch = new ArrayList<>(maxBatchSize);
        while (true) {
            Slot<I, O> first;
            try {
                // Wakes up now and then to notice close(); never interrupted, so an interrupt
                // cannot break a model call halfway.
                first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first == null) {
                if (closed) {
                    return;
                }
                continue;
            }
            batch.add(first);
            try {
                fill(batch, first.enqueuedNanos + maxQueueDelayNanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            execute(batch);
            batch.clear();
        }
    }

    /** Adds queued items until the batch is full or the deadline passes (at once when closed). */
    private void fill(List<Slot<I, O>> batch, long deadline) throws InterruptedException {
        while (batch.size() < maxBatchSize) {
            long wait = deadline - System.nanoTime();
            Slot<I, O> next =
                    wait > 0 && !closed ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
            if (next == null) {
                return;
            }
            batch.add(next);
        }
    }

    private void execute(List<Slot<I, O>> batch) {
        // Items of a request that already failed are not worth computing.
        batch.removeIf(slot -> slot.request.future.isDone());
        if (batch.isEmpty()) {
            return;
        }
        List<I> inputs = new ArrayList<>(batch.size());
        for (Slot<I, O> slot : batch) {
            inputs.add(slot.item);
        }
        List<O> outputs;
        try {
            outputs = model.apply(inputs);
            if (outputs.size() != inputs.size()) {
                throw new IllegalStateException(
                        "model '"
                                + name
                                + "' returned "
                                + outputs.size()
                                + " outputs for "
                                + inputs.size()
                                + " inputs");
            }
        } catch (RuntimeException | Error e) {
            LOG.error("Model '{}' failed on a batch of {} items", name, inputs.size(), e);
            for (Slot<I, O> slot : batch) {
                slot.request.future.completeExceptionally(e);
            }
            return;
        }
        executions.incrementAndGet();
        inferences.addAndGet(inputs.size());
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).complete(outputs.get(i));
        }
    }

    private void failAll(RejectedExecutionException error) {
        Slot<I, O> slot;
        while ((slot = queue.poll()) != null) {
            slot.request.future.completeExceptionally(error);
        }
    }

    /** One item of a request, with the time it was queued. */
    private record Slot<I, O>(Request<O> request, int index, I item, long enqueuedNanos) {
        void complete(O output) {
            request.set(index, output);
        }
    }

    /** Collects the outputs of one request; completes when the last item arrives. */
    private static final class Request<O> {
        private final Object[] outputs;
        private final AtomicInteger pending;
        private final CompletableFuture<List<O>> future = new CompletableFuture<>();

        Request(int size) {
            this.outputs = new Object[size];
            this.pending = new AtomicInteger(size);
        }

        @SuppressWarnings("unchecked")
        void set(int index, O output) {
            outputs[index] = output;
            if (pending.decrementAndGet() == 0) {
                List<O> result = new ArrayList<>(outputs.length);
                for (Object o : outputs) {
                    result.add((O) o);
                }
                future.complete(result);
            }
        }
    }
}
