package dev.newsflow.jobs.sinks;

import dev.newsflow.schemas.EnrichedArticle;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.opensearch.sink.OpensearchEmitter;
import org.apache.flink.connector.opensearch.sink.RequestIndexer;
import org.opensearch.action.index.IndexRequest;

/**
 * Writes each article to the index (alias) under its article id. Indexing by id makes a replay
 * after recovery an overwrite, not a duplicate: the sink is at-least-once, the index exactly-once.
 */
public final class ArticleIndexEmitter implements OpensearchEmitter<EnrichedArticle> {

    private final String index;

    public ArticleIndexEmitter(String index) {
        this.index = index;
    }

    @Override
    public void emit(EnrichedArticle article, SinkWriter.Context context, RequestIndexer indexer) {
        indexer.add(
                new IndexRequest(index)
                        .id(article.getId())
                        .source(ArticleDocuments.toDocument(article)));
    }
}
