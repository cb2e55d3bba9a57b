package dev.newsflow.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Progress and the closing summary of {@code parse-feeds}, on stderr. */
final class ParseFeedsReport {

    private static final long PROGRESS_EVERY_NANOS = 2_000_000_000L;

    private final PrintStream err;
    private final int total;
    private final long start = System.nanoTime();
    private long lastProgress = start;
    private int done;
    private int parsed;
    private int repaired;
    private int crashed;
    private long items;
    private long withLink;
    private long withDate;
    private final Map<String, Map<String, Integer>> reasons = new TreeMap<>();
    private final Map<String, Integer> repairs = new LinkedHashMap<>();

    ParseFeedsReport(PrintStream err, int total) {
        this.err = err;
        this.total = total;
    }

    void add(ParseFeedsCommand.Outcome outcome) {
        done++;
        if (outcome.feed() != null) {
            parsed++;
            items += outcome.feed().items().size();
            withLink += outcome.feed().items().stream().filter(i -> i.link() != null).count();
            withDate += outcome.feed().items().stream().filter(i -> i.published() != null).count();
            List<String> fixes = outcome.feed().repairs();
            if (!fixes.isEmpty()) {
                repaired++;
            }
            // Counts like "(3)" differ per file; group by the kind of repair.
            fixes.forEach(f -> repairs.merge(f.replaceAll(" \\(\\d+\\)$", ""), 1, Integer::sum));
        } else {
            crashed += outcome.crashed() ? 1 : 0;
            String group = outcome.kind() == null ? "other" : outcome.kind().label();
            reasons.computeIfAbsent(group, g -> new TreeMap<>())
                    .merge(outcome.line().reason(), 1, Integer::sum);
        }
        long now = System.nanoTime();
        if (now - lastProgress >= PROGRESS_EVERY_NANOS) {
            lastProgress = now;
            err.printf("parse-feeds: %d/%d files, %d items so far%n", done, total, items);
        }
    }

    void printSummary(Path feedDir, Path out) {
        double seconds = (System.nanoTime() - start) / 1e9;
        err.printf(
                "parse-feeds: %d files under %s in %.1f s (%.1f ms per file)%n",
                done, feedDir, seconds, done == 0 ? 0 : seconds * 1000 / done);
        err.printf("  parsed   %6d  (%d needed repairs)%n", parsed, repaired);
        err.printf("  rejected %6d%n", done - parsed);
        reasons.forEach(
                (group, details) -> {
                    int count = details.values().stream().mapToInt(Integer::intValue).sum();
                    err.printf("    %5d  %s%n", count, group);
                    details.entrySet().stream()
                            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                            .limit(8)
                            .forEach(
                                    e ->
                                            err.printf(
                                                    "           %3d x %s%n",
                                                    e.getValue(), shorten(e.getKey(), 110)));
                    if (details.size() > 8) {
                        err.printf("           ... and %d other reasons%n", details.size() - 8);
                    }
                });
        err.printf("  items    %6d  (%d with a link, %d with a date)%n", items, withLink, withDate);
        if (!repairs.isEmpty()) {
            err.println("  repairs  (files)");
            repairs.entrySet().stream()
                    .sorted(Comparator.comparing(Map.Entry<String, Integer>::getValue).reversed())
                    .forEach(e -> err.printf("    %5d  %s%n", e.getValue(), e.getKey()));
        }
        err.printf("  crashes  %6d%n", crashed);
        err.printf("  written  %s%n", out);
    }

    private static String shorten(String s, int max) {
        String line = s.replaceAll("\\s+", " ");
        return line.length() <= max ? line : line.substring(0, max - 3) + "...";
    }
}
