package dev.newsflow.query.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes JSON responses; every body the service sends goes through here. */
final class JsonResponses {

    private JsonResponses() {}

    static Future<Void> send(RoutingContext ctx, int status, JsonObject body) {
        return ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .end(body.encode());
    }

    static Future<Void> error(RoutingContext ctx, int status, String message) {
        return send(ctx, status, new JsonObject().put("error", message));
    }
}
