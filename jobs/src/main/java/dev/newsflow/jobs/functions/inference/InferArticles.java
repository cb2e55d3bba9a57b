package dev.newsflow.jobs.functions.inference;

import dev.newsflow.inference.client.InferenceClient;
import dev.newsflow.inference.client.TritonClient;
import dev.newsflow.inference.client.TritonClientConfig;
import dev.newsflow.jobs.config.InferenceConfig;
import dev.newsflow.jobs.config.InferenceConfig.OnFailure;
import dev.newsflow.jobs.functions.DeadLetters;
import dev.newsflow.schemas.EnrichedArticle;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.apache.flink.util.function.SerializableSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeds and summarizes articles on the inference server (Flink Async I/O): each article joins its
 * subtask's {@link MicroBatcher}; a batch goes out at {@code batchSize} articles or {@code maxWait}
 * after its first, at most {@code maxConcurrentBatches} at a time ({@link ConcurrencyLimit}),
 * through {@link BatchInference} (deadline, retries, circuit breaker). An article whose inference
 * failed for good, or outlived the operator's timeout, becomes a dead letter (stage {@value
 * #STAGE}, with the reason and gRPC status) or, with {@link OnFailure#FAIL}, fails the job so that
 * Flink restarts it and the article waits for the server.
 */
public final class InferArticles extends RichAsyncFunction<EnrichedArticle, Enrichment> {

    public static final String STAGE = "inference";
    private static final Logger LOG = LoggerFactory.getLogger(InferArticles.class);

    private final SerializableSupplier<InferenceClient> clients;
    private final InferenceConfig config;
    private transient InferenceClient client;
    private transient ScheduledExecutorService timers;
    private transient MicroBatcher<Pending> batcher;
    private transient ConcurrencyLimit batches;
    private transient BatchInference inference;
    private transient InferenceMetrics metrics;

    /** An article waiting for its batch, with the future Flink waits on. */
    private record Pending(EnrichedArticle article, ResultFuture<Enrichment> result) {}

    public InferArticles(SerializableSupplier<InferenceClient> clients, InferenceConfig config) {
        this.clients = clients;
        this.config = config;
    }

    /**
     * Clients of the server at the configured endpoint, each call with the configured deadline; the
     * models and their tensor contracts (text or token embeddings, the summarizer or vLLM directly)
     * come from the {@code NEWSFLOW_INFERENCE_EMBEDDER_*}, {@code NEWSFLOW_INFERENCE_SUMMARIZER_*}
     * and {@code NEWSFLOW_INFERENCE_VLLM_*} variables ({@link TritonClientConfig}), read here,
     * where the job is built.
     */
    public static SerializableSupplier<InferenceClient> triton(InferenceConfig config) {
        return triton(config, TritonClientConfig.fromEnv(System.getenv()));
    }

    /** Clients of the server at the configured endpoint, calling the given models. */
    public static SerializableSupplier<InferenceClient> triton(
            InferenceConfig config, TritonClientConfig models) {
        String host = config.host();
        int port = config.port();
        Duration deadline = config.deadline();
        return () -> TritonClient.connect(host, port, deadline, models);
    }

    @Override
    public void open(OpenContext openContext) {
        client = clients.get();
        timers =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "inference-batcher");
                            t.setDaemon(true);
                            return t;
                        });
        MicroBatcher.Timer timer =
                (delay, task) -> timers.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        CircuitBreaker breaker =
                new CircuitBreaker(
                        config.breakerFailures(), config.breakerCoolDown(), Clock.systemUTC());
        batches = new ConcurrencyLimit(config.maxConcurrentBatches());
        batcher =
                new MicroBatcher<>(
                        config.batchSize(),
                        config.maxWait(),
                        timer,
                        batch -> batches.submit(() -> run(batch)));
        metrics =
                new InferenceMetrics(
                        getRuntimeContext().getMetricGroup(), breaker, batcher::queued);
        RandomGenerator random = () -> ThreadLocalRandom.current().nextLong();
        inference =
                new BatchInference(
                        client,
                        config.retry(),
                        breaker,
                        timer,
                        random,
                        metrics,
                        config.embeddingModel());
    }

    @Override
    public void asyncInvoke(EnrichedArticle article, ResultFuture<Enrichment> result) {
        batcher.add(new Pending(article, result));
    }

    @Override
    public void timeout(EnrichedArticle article, ResultFuture<Enrichment> result) throws Exception {
        String reason = "timed out waiting for the inference server (queue, calls and retries)";
        if (config.onFailure() == OnFailure.FAIL) {
            super.timeout(article, result);
            return;
        }
        deadLetter(new Pending(article, result), reason, null);
    }

    @Override
    public void close() {
        if (timers != null) {
            timers.shutdownNow();
        }
        if (client != null) {
            client.close();
        }
    }

    private java.util.concurrent.CompletableFuture<?> run(List<Pending> batch) {
        List<EnrichedArticle> articles = batch.stream().map(Pending::article).toList();
        return inference
                .infer(articles)
                .whenComplete(
                        (enriched, error) -> {
                            if (error == null) {
                                metrics.enriched(enriched.size());
                                for (int i = 0; i < batch.size(); i++) {
                                    batch.get(i)
                                            .result()
                                            .complete(
                                                    List.of(Enrichment.enriched(enriched.get(i))));
                                }
                            } else {
                                Throwable cause = RetryPolicy.unwrap(error);
                                batch.forEach(p -> fail(p, cause));
                            }
                        });
    }

    private void fail(Pending pending, Throwable error) {
        if (config.onFailure() == OnFailure.FAIL) {
            pending.result().completeExceptionally(error);
        } else {
            deadLetter(pending, error.getMessage(), error.getCause());
        }
    }

    private void deadLetter(Pending pending, String reason, Throwable cause) {
        EnrichedArticle article = pending.article();
        LOG.warn(
                "Dead-lettering article {} ({}) at {}: {}",
                article.getId(),
                article.getUrl(),
                STAGE,
                reason);
        metrics.deadLettered();
        pending.result()
                .complete(
                        List.of(
                                Enrichment.deadLettered(
                                        DeadLetters.ofArticle(
                                                article,
                                                STAGE,
                                                reason,
                                                cause,
                                                Clock.systemUTC()))));
    }
}
