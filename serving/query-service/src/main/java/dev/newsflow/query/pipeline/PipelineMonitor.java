package dev.newsflow.query.pipeline;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Pipeline health for the analyst dashboard: consumer lag of the jobs, dead-letter rate and feed
 * health. The future completes on the caller's context; the call never blocks it.
 */
@FunctionalInterface
public interface PipelineMonitor {

    /** Fails when Kafka cannot be asked (the route answers 503). */
    Future<JsonObject> health();

    default Future<Void> close() {
        return Future.succeededFuture();
    }
}
