package dev.newsflow.query.http;

import dev.newsflow.query.pipeline.PipelineMonitor;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/pipeline} (analysts): consumer lag, dead letters and feed health from Kafka; 503
 * when Kafka does not answer.
 */
public final class PipelineHandler implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineHandler.class);

    private final PipelineMonitor monitor;

    public PipelineHandler(PipelineMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public void handle(RoutingContext ctx) {
        try {
            DashboardParams.requireKnown(
                    SearchHandler.params(ctx.queryParams()), Set.of(), "/api/pipeline");
        } catch (ApiException e) {
            ctx.fail(e.status(), e);
            return;
        }
        monitor.health()
                .onSuccess(body -> JsonResponses.send(ctx, 200, body))
                .onFailure(
                        e -> {
                            LOG.warn("Pipeline health: Kafka did not answer", e);
                            ctx.fail(
                                    new ApiException(
                                            503,
                                            "Kafka did not answer the pipeline health check: "
                                                    + e.getClass().getSimpleName()));
                        });
    }
}
