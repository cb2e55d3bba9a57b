package dev.newsflow.jobs.sinks;

import dev.newsflow.schemas.Story;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.opensearch.sink.OpensearchEmitter;
import org.apache.flink.connector.opensearch.sink.RequestIndexer;
import org.opensearch.action.index.IndexRequest;
import org.opensearch.index.VersionType;

/**
 * Writes each story version to the index (alias) under its story id, with the story's version as an
 * external version: OpenSearch keeps a document only if its version is higher than the stored one.
 * After a recovery the sink may replay versions older than ones already indexed; those are refused
 * with 409 and {@link IgnoreStaleVersions} drops them, so an older version never overwrites a newer
 * one.
 */
public final class StoryIndexEmitter implements OpensearchEmitter<Story> {

    private final String index;

    public StoryIndexEmitter(String index) {
        this.index = index;
    }

    @Override
    public void emit(Story story, SinkWriter.Context context, RequestIndexer indexer) {
        indexer.add(request(index, story));
    }

    static IndexRequest request(String index, Story story) {
        return new IndexRequest(index)
                .id(story.getStoryId())
                .versionType(VersionType.EXTERNAL)
                .version(story.getVersion())
                .source(StoryDocuments.toDocument(story));
    }
}
