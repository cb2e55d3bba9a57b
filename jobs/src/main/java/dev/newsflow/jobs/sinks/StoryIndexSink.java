package dev.newsflow.jobs.sinks;

import dev.newsflow.schemas.Story;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.opensearch.sink.Opensearch2SinkBuilder;
import org.apache.http.HttpHost;

/** The OpenSearch sink of story versions: upsert by story id, newest version wins. */
public final class StoryIndexSink {

    private StoryIndexSink() {}

    public static Sink<Story> opensearch(String index, HttpHost... hosts) {
        return new Opensearch2SinkBuilder<Story>()
                .setHosts(hosts)
                .setEmitter(new StoryIndexEmitter(index))
                .setBulkResponseInspectorFactory(IgnoreStaleVersions.factory())
                .setBulkFlushMaxActions(200)
                .setBulkFlushInterval(1_000)
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }
}
