package dev.newsflow.query.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsflow.query.auth.ApiKeyStore;
import dev.newsflow.query.config.FeedConfig;
import dev.newsflow.query.config.QueryServiceConfig;
import dev.newsflow.query.embedding.QueryEmbedder;
import dev.newsflow.query.feed.PersonalFeed;
import dev.newsflow.query.ratelimit.RateLimiter;
import dev.newsflow.query.search.ArticleSearch;
import dev.newsflow.query.testing.FakeInteractionLog;
import dev.newsflow.query.testing.FakeTextEmbedder;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The checked-in OpenAPI description and the router describe the same operations. */
class OpenApiContractTest {

    @Test
    void everyRoutedOperationIsDescribedAndEveryDescribedOneIsRouted() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            // Given
            Router router = QueryRouter.create(vertx, components(vertx));
            JsonNode spec =
                    new ObjectMapper(new YAMLFactory())
                            .readTree(StaticHandlers.resource(StaticHandlers.OPENAPI_RESOURCE));

            // When
            Set<String> routed = new TreeSet<>();
            for (Route route : router.getRoutes()) {
                if (route.getPath() == null || route.methods() == null) {
                    continue; // the metrics and failure handlers on every path
                }
                String path = route.getPath().replaceAll(":(\\w+)", "{$1}");
                route.methods().forEach(m -> routed.add(m.name().toLowerCase() + " " + path));
            }
            Set<String> described = new TreeSet<>();
            for (Iterator<String> paths = spec.get("paths").fieldNames(); paths.hasNext(); ) {
                String path = paths.next();
                spec.get("paths")
                        .get(path)
                        .fieldNames()
                        .forEachRemaining(m -> described.add(m + " " + path));
            }

            // Then
            assertThat(spec.get("openapi").asText()).startsWith("3.");
            assertThat(routed).isNotEmpty().isEqualTo(described);
            assertThat(QueryRouter.PATHS).hasSize(routed.size());
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    private static QueryRouter.Components components(Vertx vertx) {
        ArticleSearch search =
                new ArticleSearch(
                        WebClient.create(vertx),
                        URI.create("http://127.0.0.1:9"),
                        "articles",
                        Duration.ofSeconds(1));
        return new QueryRouter.Components(
                new QueryEmbedder(new FakeTextEmbedder(), vertx.createSharedWorkerExecutor("t")),
                search,
                new FakeInteractionLog(),
                ApiKeyStore.empty(),
                new RateLimiter(QueryServiceConfig.DEFAULT_RATE_LIMIT),
                10,
                () -> io.vertx.core.Future.failedFuture("no Kafka in this test"),
                new PersonalFeed(
                        search, "personas", "stories", FeedConfig.defaults(), Clock.systemUTC()));
    }
}
