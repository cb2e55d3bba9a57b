package dev.newsflow.query.interactions;

import dev.newsflow.schemas.Interaction;
import io.vertx.core.Future;

/**
 * Where interactions go ({@code user.interactions} in Kafka), and whether it can take them. Both
 * futures complete on the caller's Vert.x context; neither call blocks.
 */
public interface InteractionLog {

    /** Succeeds once the broker acknowledged the interaction (acks=all). */
    Future<Void> publish(Interaction interaction);

    /** Succeeds with the cluster id when the brokers answer within the configured time. */
    Future<String> ready();

    Future<Void> close();
}
