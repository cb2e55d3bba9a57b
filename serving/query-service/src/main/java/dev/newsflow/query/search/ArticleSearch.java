package dev.newsflow.query.search;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Non-blocking access to the articles alias through the OpenSearch REST API. Every failure surfaces
 * as an {@link OpenSearchException}.
 */
public final class ArticleSearch {

    private final WebClient client;
    private final String baseUrl;
    private final String alias;
    private final long timeoutMillis;

    public ArticleSearch(WebClient client, URI openSearch, String alias, Duration timeout) {
        this.client = client;
        String base = openSearch.toString();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.alias = alias;
        this.timeoutMillis = timeout.toMillis();
    }

    /** Runs a search body on the alias; the hits best first. */
    public Future<List<ArticleHit>> search(JsonObject body) {
        return send(HttpMethod.POST, searchPath(), body).map(SearchHitMapper::hits);
    }

    /** Runs a search body on {@code index} (an alias or index name) and returns the raw answer. */
    public Future<JsonObject> rawSearch(String index, JsonObject body) {
        return send(
                HttpMethod.POST,
                "/" + URLEncoder.encode(index, StandardCharsets.UTF_8) + "/_search",
                body);
    }

    /** The stored article with this id, without its embedding. */
    public Future<Optional<JsonObject>> article(String id) {
        return send(HttpMethod.POST, searchPath(), OpenSearchQueries.byId(id))
                .map(SearchHitMapper::firstArticle);
    }

    /**
     * The {@code _source} of document {@code id} in {@code index} (an alias of one index), by a
     * realtime GET: a document written a moment ago is found even before the next refresh. Empty
     * when there is no such document or index.
     */
    public Future<Optional<JsonObject>> document(String index, String id) {
        String path =
                "/"
                        + URLEncoder.encode(index, StandardCharsets.UTF_8)
                        + "/_doc/"
                        + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
        return client.requestAbs(HttpMethod.GET, baseUrl + path)
                .timeout(timeoutMillis)
                .putHeader("Accept", "application/json")
                .send()
                .recover(e -> Future.failedFuture(OpenSearchException.unreachable(e)))
                .compose(
                        response ->
                                response.statusCode() == 404
                                        ? Future.succeededFuture(Optional.empty())
                                        : json(response)
                                                .map(
                                                        doc ->
                                                                Optional.ofNullable(
                                                                        doc.getJsonObject(
                                                                                "_source"))));
    }

    /**
     * Succeeds with the cluster health when OpenSearch answers and the cluster is not red; fails
     * with an {@link OpenSearchException} saying why otherwise.
     */
    public Future<JsonObject> clusterHealth() {
        return send(HttpMethod.GET, "/_cluster/health", null)
                .compose(
                        health ->
                                "red".equals(health.getString("status"))
                                        ? Future.failedFuture(OpenSearchException.unhealthy("red"))
                                        : Future.succeededFuture(health));
    }

    public String alias() {
        return alias;
    }

    public String baseUrl() {
        return baseUrl;
    }

    private String searchPath() {
        return "/" + URLEncoder.encode(alias, StandardCharsets.UTF_8) + "/_search";
    }

    private Future<JsonObject> send(HttpMethod method, String path, JsonObject body) {
        HttpRequest<Buffer> request =
                client.requestAbs(method, baseUrl + path)
                        .timeout(timeoutMillis)
                        .putHeader("Accept", "application/json");
        Future<HttpResponse<Buffer>> response =
                body == null ? request.send() : request.sendJsonObject(body);
        return response.recover(e -> Future.failedFuture(OpenSearchException.unreachable(e)))
                .compose(this::json);
    }

    private Future<JsonObject> json(HttpResponse<Buffer> response) {
        int status = response.statusCode();
        if (status / 100 != 2) {
            return Future.failedFuture(
                    OpenSearchException.answered(status, response.bodyAsString(), alias));
        }
        try {
            JsonObject json = response.bodyAsJsonObject();
            return json == null
                    ? Future.failedFuture(OpenSearchException.malformed(null))
                    : Future.succeededFuture(json);
        } catch (DecodeException e) {
            return Future.failedFuture(OpenSearchException.malformed(e));
        }
    }
}
