package dev.newsflow.query.http;

import dev.newsflow.query.search.ArticleSearch;
import dev.newsflow.query.search.OpenSearchException;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Liveness ({@code /health}: the process serves HTTP) and readiness ({@code /ready}: OpenSearch
 * answers, so searches can succeed).
 */
public final class HealthHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(HealthHandlers.class);

    private final ArticleSearch search;

    public HealthHandlers(ArticleSearch search) {
        this.search = search;
    }

    public Handler<RoutingContext> health() {
        return ctx -> JsonResponses.send(ctx, 200, new JsonObject().put("status", "UP"));
    }

    /** Not routed through the failure handler: an unready dependency is an answer, not an error. */
    public Handler<RoutingContext> ready() {
        return ctx ->
                search.clusterHealth()
                        .onSuccess(
                                health ->
                                        JsonResponses.send(
                                                ctx,
                                                200,
                                                new JsonObject()
                                                        .put("status", "READY")
                                                        .put(
                                                                "opensearch",
                                                                health.getString("status"))))
                        .onFailure(e -> notReady(ctx, e));
    }

    private void notReady(RoutingContext ctx, Throwable failure) {
        // Probes poll often: the reason goes to the caller, the details only to the debug log.
        LOG.debug("Not ready: OpenSearch at {} failed the health check", search.baseUrl(), failure);
        String reason =
                failure instanceof OpenSearchException
                        ? failure.getMessage()
                        : "OpenSearch health check failed";
        JsonResponses.send(
                ctx, 503, new JsonObject().put("status", "NOT_READY").put("error", reason));
    }
}
