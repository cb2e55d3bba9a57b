package dev.newsflow.query.http;

import dev.newsflow.query.search.StoryRanking;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;

/** {@code GET /api/stories} (analysts): top stories by importance and trending stories. */
public final class StoriesHandler implements Handler<RoutingContext> {

    private final StoryRanking stories;
    private final Clock clock;

    public StoriesHandler(StoryRanking stories, Clock clock) {
        this.stories = stories;
        this.clock = clock;
    }

    @Override
    public void handle(RoutingContext ctx) {
        StoriesRequest request;
        try {
            request = StoriesRequest.fromParams(SearchHandler.params(ctx.queryParams()));
        } catch (ApiException e) {
            ctx.fail(e.status(), e);
            return;
        }
        stories.stories(request.limit(), request.window(), clock.instant())
                .onSuccess(body -> JsonResponses.send(ctx, 200, body))
                .onFailure(ctx::fail);
    }
}
