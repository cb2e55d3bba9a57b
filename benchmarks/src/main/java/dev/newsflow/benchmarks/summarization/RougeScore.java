package dev.newsflow.benchmarks.summarization;

/** Precision, recall and F1 of one ROUGE variant, each in [0, 1]. */
public record RougeScore(double precision, double recall, double f1) {

    public static final RougeScore ZERO = new RougeScore(0, 0, 0);

    /** From a match count and the sizes of candidate and reference (in n-grams or tokens). */
    static RougeScore of(double matches, double candidateSize, double referenceSize) {
        double precision = candidateSize > 0 ? matches / candidateSize : 0.0;
        double recall = referenceSize > 0 ? matches / referenceSize : 0.0;
        double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
        return new RougeScore(precision, recall, f1);
    }
}
