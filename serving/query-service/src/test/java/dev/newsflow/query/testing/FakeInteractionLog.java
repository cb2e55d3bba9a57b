package dev.newsflow.query.testing;

import dev.newsflow.query.interactions.InteractionLog;
import dev.newsflow.query.interactions.InteractionLogFactory;
import dev.newsflow.schemas.Interaction;
import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory {@link InteractionLog}: records what is published; {@link #down(boolean)} makes it
 * fail like an unreachable Kafka. The real one runs in {@code InteractionsITCase}.
 */
public final class FakeInteractionLog implements InteractionLog {

    private final List<Interaction> published = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    public InteractionLogFactory factory() {
        return (vertx, workers) -> this;
    }

    public FakeInteractionLog down(boolean down) {
        this.down = down;
        return this;
    }

    public List<Interaction> published() {
        return List.copyOf(published);
    }

    @Override
    public Future<Void> publish(Interaction interaction) {
        if (down) {
            return Future.failedFuture(new IllegalStateException("fake Kafka is down"));
        }
        published.add(interaction);
        return Future.succeededFuture();
    }

    @Override
    public Future<String> ready() {
        return down
                ? Future.failedFuture(new IllegalStateException("fake Kafka is down"))
                : Future.succeededFuture("fake-cluster");
    }

    @Override
    public Future<Void> close() {
        return Future.succeededFuture();
    }
}
