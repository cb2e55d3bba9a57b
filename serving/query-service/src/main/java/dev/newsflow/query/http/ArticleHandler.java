package dev.newsflow.query.http;

import dev.newsflow.query.search.ArticleSearch;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /articles/:id}: one stored article, without its embedding. */
public final class ArticleHandler implements Handler<RoutingContext> {

    /** OpenSearch refuses longer ids; so does the service, with a clear 400. */
    static final int MAX_ID_LENGTH = 512;

    private final ArticleSearch search;

    public ArticleHandler(ArticleSearch search) {
        this.search = search;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH) {
            ctx.fail(
                    400,
                    ApiException.badRequest(
                            "article id must be 1 to " + MAX_ID_LENGTH + " characters"));
            return;
        }
        search.article(id)
                .onSuccess(
                        article -> {
                            if (article.isPresent()) {
                                JsonResponses.send(ctx, 200, article.get());
                            } else {
                                ctx.fail(
                                        404,
                                        ApiException.notFound("no article with id '" + id + "'"));
                            }
                        })
                .onFailure(ctx::fail);
    }
}
