package dev.newsflow.benchmarks.dedup;

/** Pair counts of one kind or of a whole evaluation, and precision, recall and F1 from them. */
record Scores(long truePositives, long falsePositives, long falseNegatives) {

    double precision() {
        long predicted = truePositives + falsePositives;
        return predicted == 0 ? 1 : (double) truePositives / predicted;
    }

    double recall() {
        long actual = truePositives + falseNegatives;
        return actual == 0 ? 1 : (double) truePositives / actual;
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
