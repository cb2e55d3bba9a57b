package dev.newsflow.query.http;

import dev.newsflow.query.embedding.QueryEmbedder;
import dev.newsflow.query.search.ArticleSearch;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/** The routes of the query service and its single JSON failure handler. */
public final class QueryRouter {

    private QueryRouter() {}

    public static Router create(
            Vertx vertx, QueryEmbedder embedder, ArticleSearch search, int defaultK) {
        Router router = Router.router(vertx);
        HealthHandlers health = new HealthHandlers(search);
        router.get("/health").handler(health.health());
        router.get("/ready").handler(health.ready());
        router.get("/search").handler(new SearchHandler(embedder, search, defaultK));
        router.get("/articles/:id").handler(new ArticleHandler(search));

        JsonFailureHandler failures = new JsonFailureHandler();
        router.route().failureHandler(failures);
        // No route matched: the router reports these through its error handlers, not failures.
        router.errorHandler(404, failures);
        router.errorHandler(405, failures);
        return router;
    }
}
