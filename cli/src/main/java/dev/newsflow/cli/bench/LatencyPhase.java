package dev.newsflow.cli.bench;

import dev.newsflow.schemas.InteractionType;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Like → persona readable latency under a steady load: interactions at {@code rate}/s spread over
 * the users, and meanwhile a like for one of {@value #PROBE_USERS} probe users every 100 ms (one at
 * a time), timed until a realtime GET by id shows it. Then waits until the job has caught up (how
 * long that took, to within the 0.15 s of a counter read, says whether it kept up), so that the
 * next phase starts without a backlog.
 */
final class LatencyPhase {

    static final int PROBE_USERS = 100;
    private static final Duration PROBE_EVERY = Duration.ofMillis(100);
    private static final Duration POLL = Duration.ofMillis(2);

    private final PersonaLoad load;
    private final PersonaCounter applied;
    private final List<String> users;
    private final PersonaProbe probe;
    private final Duration length;
    private final long[] probeCounts = new long[PROBE_USERS];
    private int probes;

    LatencyPhase(
            PersonaLoad load,
            PersonaCounter applied,
            List<String> users,
            URI openSearch,
            Duration length) {
        this.load = load;
        this.applied = applied;
        this.users = users;
        this.probe = new PersonaProbe(openSearch, POLL);
        this.length = length;
    }

    /** What one phase measured. */
    record Result(int rate, double achieved, List<Double> millis, int timedOut, double drain) {
        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "at %,d/s (sent %,.0f/s): p50 %.0f ms, p99 %.0f ms, max %.0f ms over %d probes"
                            + " (%d timed out); all applied %.1f s after the phase",
                    rate,
                    achieved,
                    percentile(millis, 0.50),
                    percentile(millis, 0.99),
                    percentile(millis, 1.0),
                    millis.size(),
                    timedOut,
                    drain);
        }
    }

    Result run(int rate) throws Exception {
        long before = applied.count();
        AtomicLong sent = new AtomicLong();
        ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
        // A tick every 10 ms: the rate, without a thread waking up every millisecond.
        int perTick = Math.max(1, rate / 100);
        sender.scheduleAtFixedRate(
                () -> {
                    for (int i = 0; i < perTick; i++) {
                        load.send(users.get((int) (sent.getAndIncrement() % users.size())));
                    }
                },
                0,
                10,
                TimeUnit.MILLISECONDS);
        List<Double> millis = new ArrayList<>();
        int timedOut = 0;
        int probesSent = 0;
        long start = System.nanoTime();
        long end = start + length.toNanos();
        try {
            while (System.nanoTime() < end) {
                long next = System.nanoTime() + PROBE_EVERY.toNanos();
                int p = probes++ % PROBE_USERS;
                String user = "probe-" + p;
                probesSent++;
                double ms =
                        probe.time(
                                user,
                                ++probeCounts[p],
                                () -> load.send(user, InteractionType.LIKE),
                                Duration.ofSeconds(30));
                if (ms < 0) {
                    timedOut++;
                } else {
                    millis.add(ms);
                }
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
        } finally {
            sender.shutdown();
            sender.awaitTermination(10, TimeUnit.SECONDS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long total = sent.get() + probesSent;
        load.flush();
        long ended = System.nanoTime();
        PersonaBenchmark.require(
                applied.await(before + total, Duration.ofMinutes(10)), "backlog at " + rate + "/s");
        return new Result(
                rate, total / seconds, millis, timedOut, (System.nanoTime() - ended) / 1e9);
    }

    static double percentile(List<Double> values, double p) {
        return Percentiles.nearestRank(values, p);
    }
}
