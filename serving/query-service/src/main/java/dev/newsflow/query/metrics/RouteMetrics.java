package dev.newsflow.query.metrics;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Request latency per route in a Prometheus registry: the timer {@code http_server_requests} with
 * {@code route} (the route template, so ids do not explode the label space), {@code method} and
 * {@code status}, published as a histogram for {@code histogram_quantile} over any window.
 */
public final class RouteMetrics {

    static final String UNMATCHED = "unmatched";

    private final PrometheusMeterRegistry registry =
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<String> templates;

    /**
     * @param templates the router's paths, e.g. {@code /articles/:id}
     */
    public RouteMetrics(List<String> templates) {
        this.templates = List.copyOf(templates);
    }

    /** Times every request that passes it; mount it first, on every path. */
    public Handler<RoutingContext> handler() {
        return ctx -> {
            Timer.Sample sample = Timer.start(registry);
            ctx.addEndHandler(
                    done ->
                            sample.stop(
                                    Timer.builder("http.server.requests")
                                            .description("HTTP request latency by route")
                                            .tag("route", route(ctx.request().path(), templates))
                                            .tag("method", ctx.request().method().name())
                                            .tag(
                                                    "status",
                                                    Integer.toString(
                                                            ctx.response().getStatusCode()))
                                            .publishPercentileHistogram()
                                            .register(registry)));
            ctx.next();
        };
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    /** The template {@code path} matches ({@code :name} matches one segment), or "unmatched". */
    static String route(String path, List<String> templates) {
        if (path == null) {
            return UNMATCHED;
        }
        String[] segments = path.split("/", -1);
        for (String template : templates) {
            String[] parts = template.split("/", -1);
            if (parts.length != segments.length) {
                continue;
            }
            boolean matches = true;
            for (int i = 0; i < parts.length && matches; i++) {
                matches =
                        parts[i].startsWith(":")
                                ? !segments[i].isEmpty()
                                : parts[i].equals(segments[i]);
            }
            if (matches) {
                return template;
            }
        }
        return UNMATCHED;
    }
}
