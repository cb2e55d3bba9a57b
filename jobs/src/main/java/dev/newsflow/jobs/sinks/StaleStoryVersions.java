package dev.newsflow.jobs.sinks;

import org.apache.flink.connector.opensearch.sink.BulkResponseInspector;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.FlinkRuntimeException;
import org.opensearch.action.bulk.BulkItemResponse;
import org.opensearch.action.bulk.BulkRequest;
import org.opensearch.action.bulk.BulkResponse;
import org.opensearch.core.rest.RestStatus;

/**
 * Inspects the bulk responses of the story index: a version conflict (409) means the index already
 * holds this or a newer version of the story, which is the intended outcome of external versioning,
 * so it is counted and dropped. Any other failure fails the sink, and Flink's restart strategy
 * recovers, as for articles.
 */
public final class StaleStoryVersions implements BulkResponseInspector {

    private final Counter stale;

    public StaleStoryVersions(Counter stale) {
        this.stale = stale;
    }

    /** The factory to hand to the sink builder; counts {@code staleStoryVersions}. */
    public static BulkResponseInspectorFactory factory() {
        return context ->
                new StaleStoryVersions(context.metricGroup().counter("staleStoryVersions"));
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
                            String.format(
                                    "Single action %s of bulk request failed with status %s.",
                                    request.requests().get(i),
                                    item.getFailure().getStatus().getStatus()),
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
