package dev.newsflow.cli.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A small HTTP load generator on the JDK's async client: a closed loop of {@code clients} that each
 * send their next request when the previous answer arrives, or an open loop that sends at a fixed
 * rate however slowly answers come (latency counted from the scheduled send time, so a stalled
 * server cannot hide its queue: no coordinated omission).
 */
final class HttpLoad implements AutoCloseable {

    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final HttpClient http =
            HttpClient.newBuilder()
                    .executor(executor)
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    /** Latencies of one run and how the answers went. */
    record Result(List<Double> latenciesMillis, Map<Integer, Integer> statuses, Duration elapsed) {

        int requests() {
            return latenciesMillis.size();
        }

        int errors() {
            return statuses.entrySet().stream()
                    .filter(e -> e.getKey() / 100 != 2)
                    .mapToInt(Map.Entry::getValue)
                    .sum();
        }

        double perSecond() {
            return requests() / (elapsed.toNanos() / 1e9);
        }

        /** The {@code q}-quantile (nearest rank) in milliseconds. */
        double percentileMillis(double q) {
            return Percentiles.nearestRank(latenciesMillis, q);
        }
    }

    /** {@code clients} concurrent loops for {@code duration}. */
    Result closedLoop(int clients, Duration duration, Supplier<HttpRequest> next) {
        Recorder recorder = new Recorder();
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            loops.add(loop(next, recorder, end));
        }
        CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).join();
        return recorder.result(Duration.ofNanos(System.nanoTime() - start));
    }

    /** {@code perSecond} requests a second for {@code duration}, whatever the answers do. */
    Result openLoop(double perSecond, Duration duration, Supplier<HttpRequest> next) {
        Recorder recorder = new Recorder();
        long intervalNanos = (long) (1e9 / perSecond);
        long total = (long) (perSecond * duration.toNanos() / 1e9);
        long start = System.nanoTime();
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (long i = 0; i < total; i++) {
            long scheduled = start + i * intervalNanos;
            CompletableFuture<Void> done = new CompletableFuture<>();
            sent.add(done);
            timer.schedule(
                    () ->
                            send(next.get(), recorder, scheduled)
                                    .whenComplete((r, e) -> done.complete(null)),
                    scheduled - System.nanoTime(),
                    TimeUnit.NANOSECONDS);
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        return recorder.result(Duration.ofNanos(System.nanoTime() - start));
    }

    private CompletableFuture<Void> loop(Supplier<HttpRequest> next, Recorder recorder, long end) {
        if (System.nanoTime() >= end) {
            return CompletableFuture.completedFuture(null);
        }
        return send(next.get(), recorder, System.nanoTime())
                .thenCompose(ignored -> loop(next, recorder, end));
    }

    private CompletableFuture<Void> send(HttpRequest request, Recorder recorder, long from) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle(
                        (response, error) -> {
                            recorder.record(
                                    System.nanoTime() - from,
                                    error == null ? response.statusCode() : 0);
                            return null;
                        });
    }

    @Override
    public void close() {
        timer.shutdownNow();
        executor.shutdownNow(); // the client's threads; its connections close with them
    }

    /** Thread-safe collection of one run's answers; status 0 means no answer (I/O error). */
    private static final class Recorder {
        private final List<Double> latencies = new ArrayList<>();
        private final Map<Integer, Integer> statuses = new TreeMap<>();

        synchronized void record(long nanos, int status) {
            latencies.add(nanos / 1e6);
            statuses.merge(status, 1, Integer::sum);
        }

        synchronized Result result(Duration elapsed) {
            return new Result(List.copyOf(latencies), Map.copyOf(statuses), elapsed);
        }
    }
}
