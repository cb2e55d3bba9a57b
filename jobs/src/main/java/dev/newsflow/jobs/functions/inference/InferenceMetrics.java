package dev.newsflow.jobs.functions.inference;

import java.time.Duration;
import java.util.function.IntSupplier;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * The inference step's metrics, in the operator's group {@code inference}: histograms {@code
 * batchSize} and {@code batchLatencyMs} (successful batches, retries included), counters {@code
 * calls}, {@code errors}, {@code retries}, {@code enriched}, {@code deadLettered}, and gauges
 * {@code breakerState} (0 closed, 1 half-open, 2 open) and {@code queuedArticles}.
 */
public final class InferenceMetrics implements BatchInference.Listener {

    private static final int WINDOW = 1_000;

    private final Counter calls;
    private final Counter errors;
    private final Counter retries;
    private final Counter enriched;
    private final Counter deadLettered;
    private final Histogram batchSize;
    private final Histogram batchLatencyMs;

    public InferenceMetrics(MetricGroup operator, CircuitBreaker breaker, IntSupplier queued) {
        MetricGroup group = operator.addGroup("inference");
        calls = group.counter("calls");
        errors = group.counter("errors");
        retries = group.counter("retries");
        enriched = group.counter("enriched");
        deadLettered = group.counter("deadLettered");
        batchSize = group.histogram("batchSize", new DescriptiveStatisticsHistogram(WINDOW));
        batchLatencyMs =
                group.histogram("batchLatencyMs", new DescriptiveStatisticsHistogram(WINDOW));
        group.gauge("breakerState", (Gauge<Integer>) () -> breaker.state().ordinal());
        group.gauge("queuedArticles", (Gauge<Integer>) queued::getAsInt);
    }

    @Override
    public void onCall() {
        calls.inc();
    }

    @Override
    public void onRetry() {
        retries.inc();
    }

    @Override
    public void onError(Throwable error) {
        errors.inc();
    }

    @Override
    public void onBatch(int size, Duration latency) {
        batchSize.update(size);
        batchLatencyMs.update(latency.toMillis());
    }

    public void enriched(int count) {
        enriched.inc(count);
    }

    public void deadLettered() {
        deadLettered.inc();
    }
}
