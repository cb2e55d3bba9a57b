package dev.newsflow.query.http;

import dev.newsflow.query.search.ArticleStats;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /api/stats} (analysts): article and story counts, top sources. */
public final class StatsHandler implements Handler<RoutingContext> {

    private final ArticleStats stats;

    public StatsHandler(ArticleStats stats) {
        this.stats = stats;
    }

    @Override
    public void handle(RoutingContext ctx) {
        stats.stats().onSuccess(body -> JsonResponses.send(ctx, 200, body)).onFailure(ctx::fail);
    }
}
