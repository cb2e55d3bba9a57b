package dev.newsflow.jobs.sinks;

import org.apache.flink.connector.opensearch.sink.BulkResponseInspector;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.FlinkRuntimeException;
import org.opensearch.action.bulk.BulkItemResponse;
import org.opensearch.action.bulk.BulkRequest;
import org.opensearch.action.bulk.BulkResponse;
import org.opensearch.core.rest.RestStatus;

/**
 * Inspects the OpenSearch sink's bulk responses for externally versioned documents: a version
 * conflict (409) means the index already holds a newer version, which is what a replay after
 * recovery produces, so it is counted ({@code staleVersions}) and skipped; any other failure fails
 * the task and lets Flink's restart strategy recover.
 */
public final class IgnoreStaleVersions implements BulkResponseInspector {

    private final Counter stale;

    public IgnoreStaleVersions(Counter stale) {
        this.stale = stale;
    }

    /** The factory the sink builder takes; one inspector per sink writer. */
    public static BulkResponseInspectorFactory factory() {
        return context -> new IgnoreStaleVersions(context.metricGroup().counter("staleVersions"));
    }

    @Override
    public void inspect(BulkRequest request, BulkResponse response) {
        if (!response.hasFailures()) {
            return;
        }
        FlinkRuntimeException failure = null;
        BulkItemResponse[] items = response.getItems();
        for (int i = 0; i < items.length; i++) {
            BulkItemResponse item = items[i];
            if (!item.isFailed()) {
                continue;
            }
            if (item.getFailure().getStatus() == RestStatus.CONFLICT) {
                stale.inc();
                continue;
            }
            FlinkRuntimeException e =
                    new FlinkRuntimeException(
                            "Indexing "
                                    + request.requests().get(i).index()
                                    + "/"
                                    + request.requests().get(i).id()
                                    + " failed with HTTP "
                                    + item.getFailure().getStatus().getStatus(),
                            item.getFailure().getCause());
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
