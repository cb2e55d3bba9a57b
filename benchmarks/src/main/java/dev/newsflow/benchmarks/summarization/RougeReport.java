package dev.newsflow.benchmarks.summarization;

import dev.newsflow.inference.summarization.SentenceSplitter;

/**
 * Mean ROUGE-1/2/L/Lsum F1 of a system over a set of articles (macro average: each article counts
 * once, as in {@code rouge-score}'s aggregator). Summaries and references are split into sentences
 * for ROUGE-Lsum with the same {@link SentenceSplitter}.
 */
public final class RougeReport {

    private static final SentenceSplitter SPLITTER = new SentenceSplitter();

    private double rouge1;
    private double rouge2;
    private double rougeL;
    private double rougeLsum;
    private int count;

    /** Adds one article's summary against its reference. */
    public void add(String summary, String reference) {
        rouge1 += Rouge.rougeN(summary, reference, 1).f1();
        rouge2 += Rouge.rougeN(summary, reference, 2).f1();
        rougeL += Rouge.rougeL(summary, reference).f1();
        rougeLsum += Rouge.rougeLsum(SPLITTER.split(summary), SPLITTER.split(reference)).f1();
        count++;
    }

    public int count() {
        return count;
    }

    public double rouge1() {
        return mean(rouge1);
    }

    public double rouge2() {
        return mean(rouge2);
    }

    public double rougeL() {
        return mean(rougeL);
    }

    public double rougeLsum() {
        return mean(rougeLsum);
    }

    /** {@code R-1 40.42 R-2 17.62 R-L 36.67 R-Lsum 37.01} (F1 x 100). */
    public String format() {
        return String.format(
                "R-1 %5.2f  R-2 %5.2f  R-L %5.2f  R-Lsum %5.2f",
                100 * rouge1(), 100 * rouge2(), 100 * rougeL(), 100 * rougeLsum());
    }

    private double mean(double sum) {
        return count == 0 ? 0.0 : sum / count;
    }
}
