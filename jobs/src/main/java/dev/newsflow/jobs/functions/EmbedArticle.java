package dev.newsflow.jobs.functions;

import dev.newsflow.inference.embedding.TextEmbedder;
import dev.newsflow.schemas.EnrichedArticle;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.function.SerializableSupplier;

/**
 * Embeds title and text of each article. The title goes first so that it always falls inside the
 * model's window. The inference issue replaces this in-process call with micro-batched calls to the
 * inference server; the function's contract (article in, article with embedding out) stays.
 */
public final class EmbedArticle extends RichMapFunction<EnrichedArticle, EnrichedArticle> {

    private final SerializableSupplier<TextEmbedder> embedderFactory;
    private transient TextEmbedder embedder;
    private transient Counter embedded;

    public EmbedArticle(SerializableSupplier<TextEmbedder> embedderFactory) {
        this.embedderFactory = embedderFactory;
    }

    @Override
    public void open(OpenContext openContext) {
        embedder = embedderFactory.get();
        embedded = getRuntimeContext().getMetricGroup().counter("enriched");
    }

    @Override
    public EnrichedArticle map(EnrichedArticle article) {
        float[] vector =
                embedder.embed(List.of(article.getTitle() + "\n\n" + article.getText()))[0];
        List<Float> embedding = new ArrayList<>(vector.length);
        for (float v : vector) {
            embedding.add(v);
        }
        embedded.inc();
        return EnrichedArticle.newBuilder(article)
                .setEmbedding(embedding)
                .setEmbeddingModel(embedder.modelName())
                .setEnrichedAt(Clock.systemUTC().instant())
                .build();
    }

    @Override
    public void close() throws Exception {
        if (embedder != null) {
            embedder.close();
        }
    }
}
