package dev.newsflow.jobs.functions.fetch;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server for fetcher tests: the JDK's server on a free port of a given local address
 * (127.0.0.1 by default), with routes given as handlers and every request recorded.
 */
final class LocalHttpServer implements AutoCloseable {

    /** Handles one exchange; may throw, which the server turns into a dropped connection. */
    @FunctionalInterface
    interface Route {
        void handle(HttpExchange exchange) throws Exception;
    }

    /** A request as the server saw it. */
    record Request(String path, Headers headers) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private LocalHttpServer(InetAddress address) {
        try {
            server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.start();
    }

    static LocalHttpServer onLoopback() {
        return new LocalHttpServer(InetAddress.getLoopbackAddress());
    }

    static LocalHttpServer on(InetAddress address) {
        return new LocalHttpServer(address);
    }

    LocalHttpServer route(String path, Route route) {
        server.createContext(
                path,
                exchange -> {
                    requests.add(
                            new Request(
                                    exchange.getRequestURI().getPath(),
                                    exchange.getRequestHeaders()));
                    try {
                        route.handle(exchange);
                    } catch (Exception e) {
                        // Leave the client with a broken exchange, as a crashing server would.
                    } finally {
                        exchange.close();
                    }
                });
        return this;
    }

    URI uri(String path) {
        InetSocketAddress bound = server.getAddress();
        String host = bound.getAddress().getHostAddress();
        return URI.create("http://" + host + ":" + bound.getPort() + path);
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Sends a complete response with a Content-Length. */
    static void respond(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        boolean noBody = status == 304 || status == 204 || body.length == 0;
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Sends a body without a Content-Length (chunked), written in pieces. */
    static void respondChunked(HttpExchange exchange, String contentType, byte[] piece, int pieces)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < pieces; i++) {
                out.write(piece);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
