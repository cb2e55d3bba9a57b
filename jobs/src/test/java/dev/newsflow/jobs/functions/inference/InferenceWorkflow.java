package dev.newsflow.jobs.functions.inference;

import dev.newsflow.inference.client.InferenceClient;
import dev.newsflow.jobs.config.InferenceConfig;
import dev.newsflow.jobs.functions.DeadLetters;
import dev.newsflow.jobs.testing.Articles;
import dev.newsflow.jobs.testing.CollectingSink;
import dev.newsflow.schemas.DeadLetter;
import dev.newsflow.schemas.EnrichedArticle;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.restartstrategy.RestartStrategies;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.function.SerializableSupplier;

/**
 * The inference step alone, on the test's MiniCluster at parallelism 2 without restarts: {@code
 * articles} extracted articles through {@link InferArticles} in Async I/O, split into the enriched
 * and the dead-lettered.
 */
final class InferenceWorkflow {

    private final int articles;
    private final CollectingSink<EnrichedArticle> enriched = new CollectingSink<>();
    private final CollectingSink<DeadLetter> deadLetters = new CollectingSink<>();

    InferenceWorkflow(int articles) {
        this.articles = articles;
    }

    /** Runs to the end, Async I/O timing out after the configured timeout. */
    void run(SerializableSupplier<InferenceClient> clients, InferenceConfig config)
            throws Exception {
        run(clients, config, config.timeout());
    }

    void run(
            SerializableSupplier<InferenceClient> clients, InferenceConfig config, Duration timeout)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.setRestartStrategy(RestartStrategies.noRestart());
        SingleOutputStreamOperator<EnrichedArticle> split =
                AsyncDataStream.unorderedWait(
                                env.fromSource(
                                        new DataGeneratorSource<>(
                                                i -> Articles.extracted(i.intValue()),
                                                articles,
                                                TypeInformation.of(EnrichedArticle.class)),
                                        WatermarkStrategy.noWatermarks(),
                                        "articles"),
                                new InferArticles(clients, config),
                                timeout.toMillis(),
                                TimeUnit.MILLISECONDS,
                                config.capacity())
                        .process(new SplitEnrichments());
        split.sinkTo(enriched);
        split.getSideOutput(DeadLetters.TAG).sinkTo(deadLetters);
        env.execute("inference-workflow-test");
    }

    List<EnrichedArticle> enriched() {
        return enriched.results();
    }

    List<DeadLetter> deadLetters() {
        return deadLetters.results();
    }
}
