package dev.newsflow.query.http;

import dev.newsflow.query.feed.FeedRequest;
import dev.newsflow.query.feed.PersonalFeed;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /feed?limit=&cursor=&language=}: the authenticated user's own ranked, diversified
 * feed; see {@link PersonalFeed} and docs/query-service.md.
 */
public final class FeedHandler implements Handler<RoutingContext> {

    private final PersonalFeed feed;

    public FeedHandler(PersonalFeed feed) {
        this.feed = feed;
    }

    @Override
    public void handle(RoutingContext ctx) {
        FeedRequest request;
        try {
            request =
                    FeedRequest.parse(
                            SearchHandler.params(ctx.queryParams()), AuthHandlers.user(ctx));
        } catch (ApiException e) {
            ctx.fail(e.status(), e);
            return;
        }
        feed.page(request)
                .onSuccess(body -> JsonResponses.send(ctx, 200, body))
                .onFailure(ctx::fail);
    }
}
