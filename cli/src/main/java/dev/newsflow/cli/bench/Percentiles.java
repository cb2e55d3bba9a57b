package dev.newsflow.cli.bench;

import java.util.List;

/** Nearest-rank percentiles of measured values. */
final class Percentiles {

    private Percentiles() {}

    /** The smallest value with at least {@code p} of the values at or below it; NaN if none. */
    static double nearestRank(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
