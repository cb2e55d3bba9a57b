package dev.newsflow.benchmarks.dedup;

import dev.newsflow.benchmarks.dedup.NearDuplicateEvaluation.Setting;
import dev.newsflow.jobs.config.DedupConfig;
import dev.newsflow.jobs.functions.dedup.LshBands;
import dev.newsflow.jobs.functions.dedup.MinHash;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Near-duplicate detection quality and speed on real articles and systematically altered copies
 * (see {@link EvaluationSet}): precision, recall and F1 per alteration and overall at the default
 * {@link DedupConfig}, a sweep over LSH bands × rows, threshold, shingle size and signature length,
 * and the signature throughput.
 *
 * <pre>
 * java -cp ... dev.newsflow.benchmarks.dedup.NearDuplicateBenchmark [DATA_DIR]
 * </pre>
 *
 * {@code DATA_DIR} (default {@code ../shared/data}) holds {@code summarization/cnndm-dev.jsonl} and
 * {@code extraction/ground-truth.json}.
 */
public final class NearDuplicateBenchmark {

    public static final Path DEFAULT_DATA = Path.of("..", "shared", "data");

    static final int[][] BANDS_ROWS_128 = {{64, 2}, {42, 3}, {32, 4}, {21, 6}, {16, 8}};
    static final double[] THRESHOLDS = {0.3, 0.4, 0.45, 0.5, 0.6, 0.7};
    static final int[] SHINGLES = {2, 3, 4, 5};
    static final int[][] HASHES_BANDS_ROWS = {
        {64, 32, 2},
        {64, 21, 3},
        {64, 16, 4},
        {128, 42, 3},
        {128, 32, 4},
        {256, 85, 3},
        {256, 64, 4}
    };

    static final int[][] THROUGHPUT_HASHES_BANDS_ROWS = {{64, 21, 3}, {128, 42, 3}, {256, 85, 3}};

    private NearDuplicateBenchmark() {}

    public static void main(String[] args) throws IOException {
        if (args.length > 1) {
            System.err.println("usage: NearDuplicateBenchmark [DATA_DIR]");
            System.exit(2);
        }
        Path data = args.length == 1 ? Path.of(args[0]) : DEFAULT_DATA;
        if (!Files.isDirectory(data)) {
            System.err.println("no data directory " + data.toAbsolutePath());
            System.exit(2);
        }
        run(data, System.out, Duration.ofSeconds(3));
    }

    static void run(Path data, PrintStream out, Duration throughputTime) throws IOException {
        List<Corpus.Original> originals = Corpus.load(data);
        EvaluationSet set = EvaluationSet.build(originals);
        long positives = set.pairs().stream().filter(EvaluationSet.Pair::duplicate).count();
        out.printf(
                Locale.ROOT,
                "%d real articles from %s; %d duplicate pairs (%d alterations), %d distinct"
                        + " pairs%n%n",
                originals.size(),
                data,
                positives,
                Alteration.values().length,
                set.pairs().size() - positives);

        Setting defaults = Setting.of(DedupConfig.defaults());
        List<String> texts = set.texts();
        Map<String, int[]> signatures =
                NearDuplicateEvaluation.signatures(texts, defaults.minHash());
        out.println("## Default configuration: " + NearDuplicateReport.describe(defaults));
        out.println();
        NearDuplicateReport.kinds(
                NearDuplicateEvaluation.evaluate(set, defaults, signatures, true), out);

        out.printf("%n## Sweep: LSH bands × rows and threshold (%d hashes)%n%n", 128);
        NearDuplicateReport.sweepHeader(out);
        Setting base128 = new Setting(defaults.shingleWords(), 128, 32, 4, defaults.threshold());
        Map<String, int[]> signatures128 =
                defaults.numHashes() == 128
                        ? signatures
                        : NearDuplicateEvaluation.signatures(texts, base128.minHash());
        for (int[] br : BANDS_ROWS_128) {
            for (double threshold : THRESHOLDS) {
                Setting s = base128.with(br[0], br[1], threshold);
                NearDuplicateReport.sweepRow(
                        NearDuplicateEvaluation.evaluate(set, s, signatures128, false), out);
            }
        }

        out.printf("%n## Sweep: shingle size%n%n");
        NearDuplicateReport.sweepHeader(out);
        for (int shingle : SHINGLES) {
            Setting s =
                    new Setting(
                            shingle,
                            defaults.numHashes(),
                            defaults.bands(),
                            defaults.rows(),
                            defaults.threshold());
            Map<String, int[]> sigs =
                    shingle == defaults.shingleWords()
                            ? signatures
                            : NearDuplicateEvaluation.signatures(texts, s.minHash());
            for (double threshold : new double[] {0.4, 0.5, 0.6}) {
                Setting t = s.with(s.bands(), s.rows(), threshold);
                NearDuplicateReport.sweepRow(
                        NearDuplicateEvaluation.evaluate(set, t, sigs, false), out);
            }
        }

        out.printf("%n## Sweep: signature length%n%n");
        NearDuplicateReport.sweepHeader(out);
        for (int[] hbr : HASHES_BANDS_ROWS) {
            Setting s = new Setting(defaults.shingleWords(), hbr[0], hbr[1], hbr[2], 0.5);
            Map<String, int[]> sigs = NearDuplicateEvaluation.signatures(texts, s.minHash());
            for (double threshold : new double[] {0.4, 0.45, 0.5}) {
                Setting t = s.with(s.bands(), s.rows(), threshold);
                NearDuplicateReport.sweepRow(
                        NearDuplicateEvaluation.evaluate(set, t, sigs, false), out);
            }
        }

        out.printf(
                "%n## Signature throughput (one thread, the probe stage's work per article)%n%n");
        for (int[] hbr : THROUGHPUT_HASHES_BANDS_ROWS) {
            Setting s = new Setting(defaults.shingleWords(), hbr[0], hbr[1], hbr[2], 0.5);
            double perSecond =
                    articlesPerSecond(
                            originals,
                            s.minHash(),
                            new LshBands(s.bands(), s.rows()),
                            throughputTime);
            out.printf(
                    Locale.ROOT,
                    "%d hashes, %d bands: %.0f articles/s (mean article %d words)%n",
                    s.numHashes(),
                    s.bands(),
                    perSecond,
                    meanWords(originals));
        }
    }

    /** Signature and band keys of the originals, round after round, for at least {@code time}. */
    static double articlesPerSecond(
            List<Corpus.Original> originals, MinHash minHash, LshBands bands, Duration time) {
        long sink = 0;
        for (int warmup = 0; warmup < 3; warmup++) {
            for (Corpus.Original o : originals) {
                sink += bands.keys(minHash.signature(o.text()))[0];
            }
        }
        long start = System.nanoTime();
        long count = 0;
        long deadline = start + time.toNanos();
        do {
            for (Corpus.Original o : originals) {
                sink += bands.keys(minHash.signature(o.text()))[0];
                count++;
            }
        } while (System.nanoTime() < deadline);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (sink == 42) {
            System.out.print(""); // keeps the JIT from dropping the work
        }
        return count / seconds;
    }

    private static int meanWords(List<Corpus.Original> originals) {
        return (int)
                originals.stream().mapToInt(o -> o.text().split("\\s+").length).average().orElse(0);
    }
}
