package dev.newsflow.query;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;

/**
 * A running query service, as {@link QueryService#deploy} hands it to a launcher or a test: where
 * it listens, and how to stop it. Closing undeploys the verticle; the Vert.x instance and the
 * embedder stay the caller's to close.
 */
public final class QueryServiceHandle {

    private final Vertx vertx;
    private final String deploymentId;
    private final String host;
    private final int port;

    QueryServiceHandle(Vertx vertx, String deploymentId, String host, int port) {
        this.vertx = vertx;
        this.deploymentId = deploymentId;
        this.host = host;
        this.port = port;
    }

    /** The port the service actually listens on (never 0, also when configured as 0). */
    public int port() {
        return port;
    }

    public String host() {
        return host;
    }

    /**
     * E.g. {@code http://127.0.0.1:41234}; resolve paths such as {@code /search?q=} on it. A
     * service bound to every interface is addressed through the loopback one.
     */
    public URI baseUri() {
        boolean wildcard = host.equals("0.0.0.0") || host.equals("::");
        String address = wildcard ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + address + ":" + port);
    }

    /** Stops the HTTP server and releases the service's clients and worker threads. */
    public Future<Void> close() {
        return vertx.undeploy(deploymentId);
    }
}
