package dev.newsflow.jobs.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A local HTTP server (JDK HttpServer on 127.0.0.1, free port) serving feeds and pages for the
 * integration tests. Each path answers through a {@link Route} that sees how many times the path
 * was requested before; every response status is logged per path. Requests are handled
 * concurrently, so that a route that answers slowly delays no other.
 */
public final class FeedServer implements AutoCloseable {

    /** A response: status, headers and body. */
    public record Response(int status, Map<String, String> headers, byte[] body) {
        public static Response of(int status, String contentType, String body) {
            return new Response(
                    status,
                    Map.of("Content-Type", contentType),
                    body.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** How a path answers its {@code request}-th request (0-based). */
    @FunctionalInterface
    public interface Route {
        Response respond(int request, HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, List<Integer>> statuses = new ConcurrentHashMap<>();

    private FeedServer(HttpServer server) {
        this.server = server;
    }

    public static FeedServer start() throws IOException {
        FeedServer feeds =
                new FeedServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        feeds.server.createContext("/", feeds::handle);
        feeds.server.setExecutor(feeds.handlers);
        feeds.server.start();
        return feeds;
    }

    public FeedServer route(String path, Route route) {
        routes.put(path, route);
        return this;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The statuses served for {@code path}, in order. */
    public List<Integer> statuses(String path) {
        return List.copyOf(statuses.getOrDefault(path, List.of()));
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Route route = routes.get(path);
        int request = requests.computeIfAbsent(path, p -> new AtomicInteger()).getAndIncrement();
        Response response =
                route == null
                        ? Response.of(404, "text/plain", "no such page")
                        : route.respond(request, exchange);
        statuses.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(response.status());
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] body = response.body();
        boolean empty = body.length == 0 || response.status() == 304;
        exchange.sendResponseHeaders(response.status(), empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    /** {@code text} gzip-compressed. */
    public static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
