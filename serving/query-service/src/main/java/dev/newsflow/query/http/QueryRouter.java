package dev.newsflow.query.http;

import dev.newsflow.query.auth.ApiKeyStore;
import dev.newsflow.query.auth.Role;
import dev.newsflow.query.embedding.QueryEmbedder;
import dev.newsflow.query.feed.PersonalFeed;
import dev.newsflow.query.interactions.InteractionLog;
import dev.newsflow.query.metrics.RouteMetrics;
import dev.newsflow.query.pipeline.PipelineMonitor;
import dev.newsflow.query.ratelimit.RateLimiter;
import dev.newsflow.query.search.ArticleSearch;
import dev.newsflow.query.search.ArticleStats;
import dev.newsflow.query.search.ArticleVolume;
import dev.newsflow.query.search.HybridSearch;
import dev.newsflow.query.search.StoryRanking;
import dev.newsflow.schemas.search.SearchIndex;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.List;

/**
 * The routes of the query service and its single JSON failure handler. Probes, metrics and the API
 * description are open and unlimited; API routes identify the caller's key, are rate limited, and
 * some require a role.
 */
public final class QueryRouter {

    /** Every path the router serves, for the latency metrics' {@code route} label. */
    public static final List<String> PATHS =
            List.of(
                    "/health",
                    "/ready",
                    "/metrics",
                    "/openapi.yaml",
                    "/search",
                    "/articles/:id",
                    "/interactions",
                    "/api/stats",
                    "/api/stats/volume",
                    "/api/stories",
                    "/api/pipeline",
                    "/dashboard",
                    "/dashboard/:asset",
                    "/feed");

    /** Largest {@code POST /interactions} body; a valid one is well under 1 KiB. */
    static final long MAX_BODY_BYTES = 4_096;

    /** What the routes need. */
    public record Components(
            QueryEmbedder embedder,
            ArticleSearch search,
            InteractionLog interactions,
            ApiKeyStore keys,
            RateLimiter limiter,
            int defaultK,
            PipelineMonitor pipeline,
            PersonalFeed feed) {}

    private QueryRouter() {}

    public static Router create(Vertx vertx, Components c) {
        Router router = Router.router(vertx);
        RouteMetrics metrics = new RouteMetrics(PATHS);
        router.route().handler(metrics.handler());

        HealthHandlers health = new HealthHandlers(c.search(), c.interactions());
        router.get("/health").handler(health.health());
        router.get("/ready").handler(health.ready());
        router.get("/metrics").handler(StaticHandlers.metrics(metrics));
        router.get("/openapi.yaml").handler(StaticHandlers.openApi());

        AuthHandlers auth = new AuthHandlers(c.keys());
        RateLimitHandler limit = new RateLimitHandler(c.limiter());
        // Search and articles are public (the news is); a key only lifts the per-IP limit to its
        // own.
        api(router.get("/search"), auth, limit)
                .handler(
                        new SearchHandler(
                                c.embedder(), new HybridSearch(c.search()), c.defaultK()));
        api(router.get("/articles/:id"), auth, limit).handler(new ArticleHandler(c.search()));
        // Vert.x runs body handlers before any other on a route; the body is at most 4 KiB.
        Route interactions =
                router.post("/interactions")
                        .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
        api(interactions, auth, limit)
                .handler(auth.require(Role.USER))
                .handler(new InteractionHandler(c.interactions(), Clock.systemUTC()));
        api(router.get("/api/stats"), auth, limit)
                .handler(auth.require(Role.ANALYST))
                .handler(
                        new StatsHandler(
                                new ArticleStats(
                                        c.search(),
                                        c.search().alias(),
                                        SearchIndex.STORIES.alias())));
        dashboard(router, c, auth, limit);

        api(router.get("/feed"), auth, limit)
                .handler(auth.require(Role.USER))
                .handler(new FeedHandler(c.feed()));

        JsonFailureHandler failures = new JsonFailureHandler();
        router.route().failureHandler(failures);
        // No route matched: the router reports these through its error handlers, not failures.
        router.errorHandler(404, failures);
        router.errorHandler(405, failures);
        return router;
    }

    /** The analyst dashboard: its public page and assets, and the JSON routes it reads. */
    private static void dashboard(
            Router router, Components c, AuthHandlers auth, Handler<RoutingContext> limit) {
        Clock clock = Clock.systemUTC();
        api(router.get("/api/stories"), auth, limit)
                .handler(auth.require(Role.ANALYST))
                .handler(
                        new StoriesHandler(
                                new StoryRanking(c.search(), SearchIndex.STORIES.alias()), clock));
        api(router.get("/api/stats/volume"), auth, limit)
                .handler(auth.require(Role.ANALYST))
                .handler(
                        new VolumeHandler(
                                new ArticleVolume(c.search(), c.search().alias()), clock));
        api(router.get("/api/pipeline"), auth, limit)
                .handler(auth.require(Role.ANALYST))
                .handler(new PipelineHandler(c.pipeline()));
        router.get("/dashboard").handler(DashboardHandlers.page());
        router.get("/dashboard/:asset").handler(DashboardHandlers.assets());
    }

    private static Route api(Route route, AuthHandlers auth, Handler<RoutingContext> limit) {
        return route.handler(auth.identify()).handler(limit);
    }
}
