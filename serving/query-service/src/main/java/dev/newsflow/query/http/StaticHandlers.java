package dev.newsflow.query.http;

import dev.newsflow.query.metrics.RouteMetrics;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code /openapi.yaml} (the checked-in description) and {@code /metrics} (Prometheus text). */
public final class StaticHandlers {

    public static final String OPENAPI_RESOURCE = "/openapi.yaml";

    private StaticHandlers() {}

    public static Handler<RoutingContext> openApi() {
        Buffer yaml = Buffer.buffer(resource(OPENAPI_RESOURCE));
        return ctx ->
                ctx.response()
                        .putHeader("Content-Type", "application/yaml; charset=utf-8")
                        .end(yaml);
    }

    public static Handler<RoutingContext> metrics(RouteMetrics metrics) {
        return ctx ->
                ctx.response()
                        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                        .end(metrics.scrape());
    }

    static byte[] resource(String name) {
        try (InputStream in = StaticHandlers.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
