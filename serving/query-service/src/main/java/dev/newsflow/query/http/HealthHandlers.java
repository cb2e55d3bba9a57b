package dev.newsflow.query.http;

import dev.newsflow.query.interactions.InteractionLog;
import dev.newsflow.query.search.ArticleSearch;
import dev.newsflow.query.search.OpenSearchException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Liveness ({@code /health}: the process serves HTTP) and readiness ({@code /ready}: OpenSearch and
 * Kafka answer, so searches and interactions can succeed). Both checks run concurrently and never
 * on the event loop's time: OpenSearch through the async client, Kafka on a worker.
 */
public final class HealthHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(HealthHandlers.class);

    private final ArticleSearch search;
    private final InteractionLog interactions;

    public HealthHandlers(ArticleSearch search, InteractionLog interactions) {
        this.search = search;
        this.interactions = interactions;
    }

    public Handler<RoutingContext> health() {
        return ctx -> JsonResponses.send(ctx, 200, new JsonObject().put("status", "UP"));
    }

    /** Not routed through the failure handler: an unready dependency is an answer, not an error. */
    public Handler<RoutingContext> ready() {
        return ctx -> {
            Future<JsonObject> openSearch = search.clusterHealth();
            Future<String> kafka = interactions.ready();
            Future.join(openSearch, kafka)
                    .onComplete(
                            done -> {
                                JsonObject body = new JsonObject();
                                if (openSearch.succeeded()) {
                                    body.put("opensearch", openSearch.result().getString("status"));
                                } else {
                                    body.put("opensearch", openSearchReason(openSearch.cause()));
                                }
                                body.put(
                                        "kafka", kafka.succeeded() ? "UP" : "Kafka is unreachable");
                                boolean ready = openSearch.succeeded() && kafka.succeeded();
                                if (ready) {
                                    body.put("status", "READY");
                                } else {
                                    body.put("status", "NOT_READY");
                                    body.put("error", error(openSearch, kafka));
                                }
                                JsonResponses.send(ctx, ready ? 200 : 503, body);
                            });
        };
    }

    private String error(Future<JsonObject> openSearch, Future<String> kafka) {
        // Probes poll often: the reason goes to the caller, the details only to the debug log.
        if (openSearch.failed()) {
            LOG.debug("Not ready: OpenSearch at {} failed", search.baseUrl(), openSearch.cause());
            return openSearchReason(openSearch.cause());
        }
        LOG.debug("Not ready: Kafka failed the describeCluster check", kafka.cause());
        return "Kafka is unreachable";
    }

    private static String openSearchReason(Throwable failure) {
        return failure instanceof OpenSearchException
                ? failure.getMessage()
                : "OpenSearch health check failed";
    }
}
