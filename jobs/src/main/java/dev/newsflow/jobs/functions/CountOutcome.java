package dev.newsflow.jobs.functions;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;

/**
 * Counts the records that reach one outcome of the enrichment job, as the metric {@code
 * newsflow.outcome.<name>} (e.g. {@code ...taskmanager...newsflow.outcome.enriched}), and passes
 * them on unchanged. The job counts {@value #RECEIVED} crawl records at its source and {@value
 * #ENRICHED}, {@value #DUPLICATE} and {@value #DEAD_LETTERED} right before the sinks; once the job
 * is idle, the three outcomes add up to the records received: nothing is lost or counted twice.
 */
public final class CountOutcome<T> extends RichMapFunction<T, T> {

    public static final String RECEIVED = "received";
    public static final String ENRICHED = "enriched";
    public static final String DUPLICATE = "duplicate";
    public static final String DEAD_LETTERED = "deadLettered";

    private final String outcome;
    private transient Counter counter;

    public CountOutcome(String outcome) {
        this.outcome = outcome;
    }

    @Override
    public void open(OpenContext openContext) {
        counter =
                getRuntimeContext()
                        .getMetricGroup()
                        .addGroup("newsflow")
                        .addGroup("outcome")
                        .counter(outcome);
    }

    @Override
    public T map(T value) {
        counter.inc();
        return value;
    }
}
