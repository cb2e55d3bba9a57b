package dev.newsflow.query.http;

import dev.newsflow.query.embedding.QueryEmbedder;
import dev.newsflow.query.search.HybridSearch;
import dev.newsflow.query.search.SearchResult;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /search?q=...}: hybrid BM25 + kNN search over the articles alias, fused by reciprocal
 * rank; the query is embedded on a worker thread.
 */
public final class SearchHandler implements Handler<RoutingContext> {

    private final QueryEmbedder embedder;
    private final HybridSearch search;
    private final int defaultK;

    public SearchHandler(QueryEmbedder embedder, HybridSearch search, int defaultK) {
        this.embedder = embedder;
        this.search = search;
        this.defaultK = defaultK;
    }

    @Override
    public void handle(RoutingContext ctx) {
        SearchRequest request;
        try {
            request = SearchRequest.fromParams(params(ctx.queryParams()), defaultK);
        } catch (ApiException e) {
            ctx.fail(e.status(), e);
            return;
        }
        embedder.embed(request.query())
                .compose(
                        vector ->
                                search.search(
                                        request.query(), vector, request.filters(), request.k()))
                .onSuccess(results -> JsonResponses.send(ctx, 200, body(request, results)))
                .onFailure(ctx::fail);
    }

    static Map<String, List<String>> params(MultiMap query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String name : query.names()) {
            params.put(name, query.getAll(name));
        }
        return params;
    }

    static JsonObject body(SearchRequest request, List<SearchResult> results) {
        JsonArray array = new JsonArray();
        results.forEach(result -> array.add(result.toJson()));
        return new JsonObject().put("query", request.query()).put("results", array);
    }
}
