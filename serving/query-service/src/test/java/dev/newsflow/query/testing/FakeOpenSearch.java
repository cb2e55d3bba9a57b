package dev.newsflow.query.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Just enough of the OpenSearch REST API for the HTTP tests of the query service: cluster health,
 * and {@code _search} on one alias answering kNN queries with every stored article (best first, in
 * insertion order) and term queries on {@code id}. Records the search bodies it received. The real
 * thing runs in {@code QueryServiceITCase}.
 */
public final class FakeOpenSearch implements AutoCloseable {

    private final String alias;
    private final Map<String, JsonObject> articles = new ConcurrentHashMap<>();
    private final List<String> order = new CopyOnWriteArrayList<>();
    private final List<JsonObject> searches = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private volatile String clusterStatus = "green";

    private FakeOpenSearch(Vertx vertx, String alias) throws Exception {
        this.alias = alias;
        this.server =
                vertx.createHttpServer()
                        .requestHandler(this::handle)
                        .listen(0, "127.0.0.1")
                        .await(10, TimeUnit.SECONDS);
    }

    public static FakeOpenSearch start(Vertx vertx, String alias) throws Exception {
        return new FakeOpenSearch(vertx, alias);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.actualPort());
    }

    /** Stores an article source (it must have an {@code id}). */
    public FakeOpenSearch add(JsonObject source) {
        String id = source.getString("id");
        if (articles.put(id, source.copy()) == null) {
            order.add(id);
        }
        return this;
    }

    public FakeOpenSearch clusterStatus(String status) {
        this.clusterStatus = status;
        return this;
    }

    public List<JsonObject> searches() {
        return List.copyOf(searches);
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        if (path.equals("/_cluster/health")) {
            reply(request, 200, new JsonObject().put("status", clusterStatus));
        } else if (path.equals("/" + alias + "/_search")) {
            request.body()
                    .onSuccess(
                            body -> {
                                JsonObject search = body.toJsonObject();
                                searches.add(search);
                                reply(request, 200, hits(search));
                            });
        } else {
            reply(
                    request,
                    404,
                    new JsonObject()
                            .put("error", new JsonObject().put("type", "index_not_found_exception"))
                            .put("status", 404));
        }
    }

    private JsonObject hits(JsonObject search) {
        JsonObject query = search.getJsonObject("query");
        JsonArray hits = new JsonArray();
        if (query.containsKey("term")) {
            String id = query.getJsonObject("term").getJsonObject("id").getString("value");
            if (articles.containsKey(id)) {
                hits.add(hit(id, 1.0));
            }
        } else {
            int size = search.getInteger("size");
            for (int i = 0; i < order.size() && i < size; i++) {
                hits.add(hit(order.get(i), 1.0 - i * 0.1));
            }
        }
        return new JsonObject().put("hits", new JsonObject().put("hits", hits));
    }

    private JsonObject hit(String id, double score) {
        return new JsonObject()
                .put("_index", alias + "-v1")
                .put("_id", id)
                .put("_score", score)
                .put("_source", articles.get(id));
    }

    private static void reply(HttpServerRequest request, int status, JsonObject body) {
        request.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(body.encode());
    }

    @Override
    public void close() throws Exception {
        server.close().await(10, TimeUnit.SECONDS);
    }
}
