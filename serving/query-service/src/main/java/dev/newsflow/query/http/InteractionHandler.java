package dev.newsflow.query.http;

import dev.newsflow.query.auth.ApiUser;
import dev.newsflow.query.interactions.EventIds;
import dev.newsflow.query.interactions.InteractionLog;
import dev.newsflow.schemas.Interaction;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /interactions}: publishes the authenticated user's reaction to an article and answers
 * {@code 202} with its event id once Kafka acknowledged it.
 */
public final class InteractionHandler implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(InteractionHandler.class);

    private final InteractionLog log;
    private final Clock clock;

    public InteractionHandler(InteractionLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void handle(RoutingContext ctx) {
        ApiUser user = AuthHandlers.user(ctx);
        Interaction interaction;
        try {
            interaction =
                    interaction(
                            user.userId(),
                            ctx.request().getHeader("Idempotency-Key"),
                            InteractionRequest.parse(ctx.body().buffer()),
                            clock);
        } catch (ApiException e) {
            ctx.fail(e);
            return;
        }
        log.publish(interaction)
                .recover(
                        e -> {
                            LOG.warn(
                                    "Cannot publish interaction {} of user {} on article {}",
                                    interaction.getEventId(),
                                    interaction.getUserId(),
                                    interaction.getArticleId(),
                                    e);
                            return Future.failedFuture(
                                    new ApiException(
                                            503,
                                            "Kafka is unavailable; the interaction was not"
                                                    + " recorded, retry with the same"
                                                    + " Idempotency-Key"));
                        })
                .onSuccess(
                        v ->
                                JsonResponses.send(
                                        ctx,
                                        202,
                                        new JsonObject()
                                                .put("eventId", interaction.getEventId())
                                                .put("userId", interaction.getUserId())
                                                .put("articleId", interaction.getArticleId())
                                                .put("type", interaction.getType().name())))
                .onFailure(ctx::fail);
    }

    /** The interaction to publish; the event id follows the idempotency key when there is one. */
    static Interaction interaction(
            String userId, String idempotencyKey, InteractionRequest request, Clock clock) {
        String eventId;
        if (idempotencyKey == null) {
            eventId = EventIds.random();
        } else if (EventIds.isValidKey(idempotencyKey)) {
            eventId = EventIds.forKey(userId, idempotencyKey);
        } else {
            throw ApiException.badRequest(
                    "header 'Idempotency-Key' must be 1 to "
                            + EventIds.MAX_KEY_LENGTH
                            + " printable ASCII characters");
        }
        return Interaction.newBuilder()
                .setEventId(eventId)
                .setUserId(userId)
                .setArticleId(request.articleId())
                .setType(request.type())
                .setOccurredAt(clock.instant())
                .build();
    }
}
