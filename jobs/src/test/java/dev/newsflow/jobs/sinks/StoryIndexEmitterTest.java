package dev.newsflow.jobs.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.util.FlinkRuntimeException;
import org.junit.jupiter.api.Test;
import org.opensearch.action.DocWriteRequest;
import org.opensearch.action.bulk.BulkItemResponse;
import org.opensearch.action.bulk.BulkRequest;
import org.opensearch.action.bulk.BulkResponse;
import org.opensearch.action.index.IndexRequest;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.index.VersionType;

class StoryIndexEmitterTest {

    @Test
    void upsertsByStoryIdWithTheStoryVersionAsExternalVersion() {
        IndexRequest request = StoryIndexEmitter.request("stories", StoryDocumentsTest.story(7));

        assertThat(request.index()).isEqualTo("stories");
        assertThat(request.id()).isEqualTo("s-a1");
        assertThat(request.versionType()).isEqualTo(VersionType.EXTERNAL);
        assertThat(request.version()).isEqualTo(7L);
        assertThat(request.sourceAsMap()).containsEntry("version", 7);
    }

    @Test
    void anOlderVersionRefusedByTheIndexIsDroppedAndCounted() {
        SimpleCounter stale = new SimpleCounter();
        BulkRequest request = bulkOf(2);
        BulkResponse response =
                new BulkResponse(
                        new BulkItemResponse[] {
                            failed(0, RestStatus.CONFLICT), failed(1, RestStatus.CONFLICT)
                        },
                        1);

        new IgnoreStaleVersions(stale).inspect(request, response);

        assertThat(stale.getCount()).isEqualTo(2);
    }

    @Test
    void anyOtherFailureFailsTheSink() {
        SimpleCounter stale = new SimpleCounter();
        BulkResponse response =
                new BulkResponse(
                        new BulkItemResponse[] {
                            failed(0, RestStatus.CONFLICT), failed(1, RestStatus.BAD_REQUEST)
                        },
                        1);

        assertThatThrownBy(() -> new IgnoreStaleVersions(stale).inspect(bulkOf(2), response))
                .isInstanceOf(FlinkRuntimeException.class)
                .hasMessageContaining("400");
        assertThat(stale.getCount()).isEqualTo(1);
    }

    private static BulkRequest bulkOf(int n) {
        BulkRequest request = new BulkRequest();
        for (int i = 0; i < n; i++) {
            request.add(StoryIndexEmitter.request("stories", StoryDocumentsTest.story(i + 1)));
        }
        return request;
    }

    private static BulkItemResponse failed(int i, RestStatus status) {
        return new BulkItemResponse(
                i,
                DocWriteRequest.OpType.INDEX,
                new BulkItemResponse.Failure(
                        "stories", "s-a1", new RuntimeException(status.name()), status));
    }
}
