package dev.newsflow.query.http;

import dev.newsflow.query.search.ArticleVolume;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;

/** {@code GET /api/stats/volume} (analysts): articles over time, per source and per topic. */
public final class VolumeHandler implements Handler<RoutingContext> {

    private final ArticleVolume volume;
    private final Clock clock;

    public VolumeHandler(ArticleVolume volume, Clock clock) {
        this.volume = volume;
        this.clock = clock;
    }

    @Override
    public void handle(RoutingContext ctx) {
        VolumeRequest r;
        try {
            r = VolumeRequest.fromParams(SearchHandler.params(ctx.queryParams()));
        } catch (ApiException e) {
            ctx.fail(e.status(), e);
            return;
        }
        volume.volume(r.window(), r.interval(), r.top(), r.timeField(), clock.instant())
                .onSuccess(body -> JsonResponses.send(ctx, 200, body))
                .onFailure(ctx::fail);
    }
}
