package dev.newsflow.query.http;

import dev.newsflow.query.auth.ApiUser;
import dev.newsflow.query.ratelimit.RateLimiter;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Rate limits API routes per user (requests with a key) or per client IP (without one); over the
 * limit answers 429 with {@code Retry-After} in seconds. Runs after {@link AuthHandlers#identify}.
 */
public final class RateLimitHandler implements Handler<RoutingContext> {

    private final RateLimiter limiter;

    public RateLimitHandler(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public void handle(RoutingContext ctx) {
        long retryAfter = limiter.tryAcquire(client(ctx));
        if (retryAfter == 0) {
            ctx.next();
            return;
        }
        ctx.response().putHeader("Retry-After", Long.toString(retryAfter));
        ctx.fail(
                new ApiException(
                        429, "rate limit exceeded; retry after " + retryAfter + " second(s)"));
    }

    static String client(RoutingContext ctx) {
        ApiUser user = AuthHandlers.user(ctx);
        if (user != null) {
            return "user:" + user.userId();
        }
        var address = ctx.request().remoteAddress();
        return "ip:" + (address == null ? "unknown" : address.hostAddress());
    }
}
