package dev.newsflow.query.interactions;

import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

/** Creates the service's {@link InteractionLog} once its Vert.x instance and workers exist. */
@FunctionalInterface
public interface InteractionLogFactory {

    InteractionLog create(Vertx vertx, WorkerExecutor workers);
}
