package dev.newsflow.cli.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time used so far by this JVM (the job, and the benchmark's producer and probes) and by the
 * Kafka broker and OpenSearch node it started: the cost per interaction, whatever else the machine
 * is running at the same time.
 */
final class ProcessCpu {

    private ProcessCpu() {}

    /** CPU seconds by part: "job JVM", "OpenSearch", "Kafka" (the broker and the watchdogs). */
    static Map<String, Double> snapshot() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put("job JVM", cpu(ProcessHandle.current()));
        for (String part : List.of("OpenSearch", "Kafka")) {
            seconds.put(part, 0.0);
        }
        ProcessHandle.current()
                .descendants()
                .forEach(p -> seconds.merge(partOf(p), cpu(p), Double::sum));
        return seconds;
    }

    /** {@code after - before}, part by part. */
    static Map<String, Double> since(Map<String, Double> before) {
        Map<String, Double> diff = new LinkedHashMap<>();
        snapshot().forEach((k, v) -> diff.put(k, v - before.getOrDefault(k, 0.0)));
        return diff;
    }

    private static String partOf(ProcessHandle p) {
        String args = String.join(" ", p.info().arguments().orElse(new String[0]));
        if (args.contains("org.opensearch.bootstrap.OpenSearch")) {
            return "OpenSearch";
        }
        // The broker, and the watchdog shells next to both servers (a few ms in all).
        return "Kafka";
    }

    private static double cpu(ProcessHandle p) {
        return p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e9;
    }
}
