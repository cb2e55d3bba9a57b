package dev.newsflow.query.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RouteMetricsTest {

    private static final List<String> TEMPLATES = List.of("/search", "/articles/:id", "/api/stats");

    @Test
    void pathsMapToTheirTemplateSoIdsDoNotBecomeLabels() {
        assertThat(RouteMetrics.route("/search", TEMPLATES)).isEqualTo("/search");
        assertThat(RouteMetrics.route("/articles/abc-123", TEMPLATES)).isEqualTo("/articles/:id");
        assertThat(RouteMetrics.route("/api/stats", TEMPLATES)).isEqualTo("/api/stats");
    }

    @Test
    void anythingElseIsUnmatched() {
        assertThat(RouteMetrics.route("/articles/", TEMPLATES)).isEqualTo("unmatched");
        assertThat(RouteMetrics.route("/articles/a/b", TEMPLATES)).isEqualTo("unmatched");
        assertThat(RouteMetrics.route("/wp-admin", TEMPLATES)).isEqualTo("unmatched");
        assertThat(RouteMetrics.route(null, TEMPLATES)).isEqualTo("unmatched");
    }
}
