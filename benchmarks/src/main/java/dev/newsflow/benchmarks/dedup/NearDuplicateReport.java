package dev.newsflow.benchmarks.dedup;

import dev.newsflow.benchmarks.dedup.NearDuplicateEvaluation.KindResult;
import dev.newsflow.benchmarks.dedup.NearDuplicateEvaluation.Result;
import dev.newsflow.benchmarks.dedup.NearDuplicateEvaluation.Setting;
import java.io.PrintStream;
import java.util.Locale;

/** Prints near-duplicate evaluation results as Markdown tables. */
final class NearDuplicateReport {

    /** Bytes a band member costs besides its signature: ids, order key, map and TTL overhead. */
    static final int MEMBER_OVERHEAD_BYTES = 120;

    private NearDuplicateReport() {}

    static String describe(Setting s) {
        return String.format(
                Locale.ROOT,
                "%d-word shingles, %d hashes, %d bands × %d rows, threshold %.2f",
                s.shingleWords(),
                s.numHashes(),
                s.bands(),
                s.rows(),
                s.threshold());
    }

    /** Per kind: pairs, predicted duplicates, recall or false-positive rate, P/R/F1. */
    static void kinds(Result result, PrintStream out) {
        out.println(
                "| pairs of | n | judged duplicate | recall | precision | F1 | mean est. J"
                        + " | max est. J | mean exact J |");
        out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (KindResult k : result.kinds()) {
            if (k.duplicate()) {
                Scores s = result.of(k);
                out.printf(
                        Locale.ROOT,
                        "| %s | %d | %d | %.3f | %.3f | %.3f | %.3f | | %.3f |%n",
                        k.kind(),
                        k.pairs(),
                        k.predicted(),
                        s.recall(),
                        s.precision(),
                        s.f1(),
                        k.meanEstimate(),
                        k.meanTrue());
            } else {
                out.printf(
                        Locale.ROOT,
                        "| %s (negatives) | %d | %d false | | | | %.3f | %.3f | |%n",
                        k.kind(),
                        k.pairs(),
                        k.predicted(),
                        k.meanEstimate(),
                        k.maxEstimate());
            }
        }
        Scores all = result.overall();
        out.printf(
                Locale.ROOT,
                "| **all** | | %d TP, %d FP, %d FN | %.3f | %.3f | **%.3f** | | | |%n",
                all.truePositives(),
                all.falsePositives(),
                all.falseNegatives(),
                all.recall(),
                all.precision(),
                all.f1());
    }

    static void sweepHeader(PrintStream out) {
        out.println(
                "| shingle | hashes | bands × rows | threshold | precision | recall | F1"
                        + " | FP | max J of negatives | worst recall | probes/article | band state/article |");
        out.println(
                "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    }

    static void sweepRow(Result result, PrintStream out) {
        Setting s = result.setting();
        Scores all = result.overall();
        out.printf(
                Locale.ROOT,
                "| %d | %d | %d × %d | %.2f | %.3f | %.3f | %.3f | %d | %.3f | %.3f | %d | %.1f KiB |%n",
                s.shingleWords(),
                s.numHashes(),
                s.bands(),
                s.rows(),
                s.threshold(),
                all.precision(),
                all.recall(),
                all.f1(),
                all.falsePositives(),
                result.maxNegativeEstimate(),
                result.worstRecall(),
                s.bands(),
                stateKib(s));
    }

    /** Band index state one article costs: a member with its signature in each band. */
    static double stateKib(Setting s) {
        return s.bands() * (4.0 * s.numHashes() + MEMBER_OVERHEAD_BYTES) / 1024;
    }
}
