package dev.newsflow.query.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The analyst dashboard's page and assets, all from the class path: {@code GET /dashboard} is the
 * page, {@code GET /dashboard/:asset} its script, its style sheet and Chart.js from the Chart.js
 * WebJar (never a CDN: the service may run offline). The files hold no data and are public; the
 * page asks for an analyst key and sends it to the JSON routes.
 *
 * <p>Why not Vert.x's {@code StaticHandler}: it resolves class-path files by copying them into a
 * {@code .vertx} cache folder under the working directory, which a read-only container file system
 * refuses, and it serves any file under its root. Four known files, read once into memory (about
 * 230 KB) and served by name from an allow-list, need neither.
 */
final class DashboardHandlers {

    static final String PAGE_ROOT = "/dashboard/";
    static final String CHART_JS_POM = "/META-INF/maven/org.webjars.npm/chart.js/pom.properties";

    private record Asset(String contentType, Buffer body) {}

    private DashboardHandlers() {}

    static Handler<RoutingContext> page() {
        Asset page = asset(PAGE_ROOT + "index.html", "text/html; charset=utf-8");
        return ctx -> send(ctx, page);
    }

    /** The named asset, or a 404 for any other name. */
    static Handler<RoutingContext> assets() {
        Map<String, Asset> assets =
                Map.of(
                        "dashboard.js",
                        asset(PAGE_ROOT + "dashboard.js", "text/javascript; charset=utf-8"),
                        "dashboard.css",
                        asset(PAGE_ROOT + "dashboard.css", "text/css; charset=utf-8"),
                        "chart.umd.js",
                        asset(chartJsRoot() + "chart.umd.js", "text/javascript; charset=utf-8"));
        return ctx -> {
            Asset asset = assets.get(ctx.pathParam("asset"));
            if (asset == null) {
                ctx.fail(ApiException.notFound("no resource at " + ctx.request().path()));
            } else {
                send(ctx, asset);
            }
        };
    }

    /** The WebJar's dist folder; its version comes from the jar, so the page names no version. */
    static String chartJsRoot() {
        Properties pom = new Properties();
        try (InputStream in = DashboardHandlers.class.getResourceAsStream(CHART_JS_POM)) {
            if (in == null) {
                throw new IllegalStateException(
                        "the Chart.js WebJar is not on the class path (" + CHART_JS_POM + ")");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "/META-INF/resources/webjars/chart.js/" + pom.getProperty("version") + "/dist/";
    }

    private static Asset asset(String resource, String contentType) {
        return new Asset(contentType, Buffer.buffer(StaticHandlers.resource(resource)));
    }

    private static void send(RoutingContext ctx, Asset asset) {
        ctx.response()
                .putHeader("Content-Type", asset.contentType())
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Content-Type-Options", "nosniff")
                .end(asset.body());
    }
}
