package dev.newsflow.query.http;

import dev.newsflow.query.search.OpenSearchException;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one failure handler of the router: turns every failure into a JSON {@code {"error": ...}}
 * body with a 4xx/5xx status. Clients get a message, never a stack trace; server errors are logged
 * with the request they belong to.
 */
public final class JsonFailureHandler implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(JsonFailureHandler.class);

    @Override
    public void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        int status = status(ctx.statusCode(), failure);
        String message = message(status, failure, ctx);
        if (failure instanceof OpenSearchException e && e.getCause() != null) {
            // A dependency that is down or overloaded is an operational state, not a bug: one line
            // per request with the cause, no stack trace (under overload there are thousands).
            LOG.warn(
                    "{} {} failed with HTTP {}: {} ({})",
                    ctx.request().method(),
                    ctx.request().uri(),
                    status,
                    message,
                    e.getCause().toString());
        } else if (status >= 500) {
            LOG.error(
                    "{} {} failed with HTTP {}: {}",
                    ctx.request().method(),
                    ctx.request().uri(),
                    status,
                    message,
                    failure);
        } else {
            LOG.debug(
                    "{} {} refused with HTTP {}: {}",
                    ctx.request().method(),
                    ctx.request().uri(),
                    status,
                    message);
        }
        if (ctx.response().headWritten()) {
            // Too late for a JSON error: the status line is gone. Cut the connection.
            ctx.request().connection().close();
            return;
        }
        JsonResponses.error(ctx, status, message);
    }

    static int status(int contextStatus, Throwable failure) {
        if (failure instanceof ApiException e) {
            return e.status();
        }
        if (failure instanceof OpenSearchException e) {
            return e.httpStatus();
        }
        if (failure instanceof HttpException e) {
            return e.getStatusCode();
        }
        if (failure == null && contextStatus >= 400 && contextStatus < 600) {
            return contextStatus;
        }
        return 500;
    }

    private static String message(int status, Throwable failure, RoutingContext ctx) {
        if (failure instanceof ApiException || failure instanceof OpenSearchException) {
            return failure.getMessage();
        }
        if (status == 404) {
            return "no resource at " + ctx.request().path();
        }
        if (status == 405) {
            return "method "
                    + ctx.request().method()
                    + " is not allowed on "
                    + ctx.request().path();
        }
        if (status >= 500) {
            // Unexpected: the details are in the log, not in the answer.
            return "internal server error";
        }
        return HttpResponseStatus.valueOf(status).reasonPhrase();
    }
}
