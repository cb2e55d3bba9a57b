package dev.newsflow.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load generator against a loopback server that answers 200, then 503 every third time. */
class HttpLoadTest {

    private final AtomicInteger served = new AtomicInteger();
    private HttpServer server;
    private URI base;

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext(
                "/",
                exchange -> {
                    int n = served.incrementAndGet();
                    exchange.sendResponseHeaders(n % 3 == 0 ? 503 : 200, -1);
                    exchange.close();
                });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void anOpenLoopSendsRateTimesDurationRequestsAndCountsEveryAnswer() {
        try (HttpLoad load = new HttpLoad()) {
            HttpLoad.Result result =
                    load.openLoop(
                            100,
                            Duration.ofMillis(500),
                            () -> HttpRequest.newBuilder(base).build());

            assertThat(result.requests()).isEqualTo(50).isEqualTo(served.get());
            assertThat(result.statuses()).isEqualTo(Map.of(200, 34, 503, 16));
            assertThat(result.errors()).isEqualTo(16);
            assertThat(result.percentileMillis(0.5)).isPositive();
        }
    }

    @Test
    void aClosedLoopRecordsEveryRequestItSent() {
        try (HttpLoad load = new HttpLoad()) {
            HttpLoad.Result result =
                    load.closedLoop(
                            4, Duration.ofMillis(300), () -> HttpRequest.newBuilder(base).build());

            assertThat(result.requests()).isPositive().isEqualTo(served.get());
            assertThat(result.statuses().values().stream().mapToInt(Integer::intValue).sum())
                    .isEqualTo(result.requests());
        }
    }

    @Test
    void nearestRankPercentiles() {
        List<Double> values = List.of(5.0, 1.0, 4.0, 2.0, 3.0);

        assertThat(Percentiles.nearestRank(values, 0.5)).isEqualTo(3.0);
        assertThat(Percentiles.nearestRank(values, 0.99)).isEqualTo(5.0);
        assertThat(Percentiles.nearestRank(values, 0.2)).isEqualTo(1.0);
        assertThat(Percentiles.nearestRank(List.of(), 0.5)).isNaN();
    }
}
