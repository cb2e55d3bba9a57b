package dev.newsflow.query.http;

import dev.newsflow.query.embedding.QueryEmbedder;
import dev.newsflow.query.search.ArticleSearch;
import dev.newsflow.query.search.SearchResult;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** {@code GET /search?q=...&k=...}: semantic search over the articles alias. */
public final class SearchHandler implements Handler<RoutingContext> {

    private final QueryEmbedder embedder;
    private final ArticleSearch search;
    private final int defaultK;

    public SearchHandler(QueryEmbedder embedder, ArticleSearch search, int defaultK) {
        this.embedder = embedder;
        this.search = search;
        this.defaultK = defaultK;
    }

    @Override
    public void handle(RoutingContext ctx) {
        SearchRequest request;
        try {
            request = SearchRequest.parse(ctx.queryParam("q"), ctx.queryParam("k"), defaultK);
        } catch (ApiException e) {
            ctx.fail(e.status(), e);
            return;
        }
        embedder.embed(request.query())
                .compose(vector -> search.nearest(vector, request.k()))
                .onSuccess(results -> JsonResponses.send(ctx, 200, body(request, results)))
                .onFailure(ctx::fail);
    }

    static JsonObject body(SearchRequest request, List<SearchResult> results) {
        JsonArray array = new JsonArray();
        results.forEach(result -> array.add(result.toJson()));
        return new JsonObject().put("query", request.query()).put("results", array);
    }
}
