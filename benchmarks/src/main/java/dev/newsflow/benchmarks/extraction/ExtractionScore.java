package dev.newsflow.benchmarks.extraction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The article-extraction benchmark metric: word 4-gram shingles of the true and the predicted
 * article body, matched as multisets; each page's TP/FP/FN normalised to sum to 1 so that long
 * articles weigh no more than short ones; precision and recall averaged over pages; F1 from the two
 * averages. Matches the published benchmark's {@code evaluate.py}, edge cases included.
 */
public final class ExtractionScore {

    /** Shingle length of the benchmark. */
    public static final int SHINGLE = 4;

    private ExtractionScore() {}

    /** One page's normalised true positives, false positives and false negatives. */
    public record Counts(double tp, double fp, double fn) {

        /**
         * Precision, or NaN for a page whose prediction is empty (it then counts only in recall).
         */
        public double precision() {
            return tp + fp > 0 ? tp / (tp + fp) : Double.NaN;
        }

        /** Recall, or NaN for a page whose truth is empty. */
        public double recall() {
            return tp + fn > 0 ? tp / (tp + fn) : Double.NaN;
        }

        /** The page's own F1 (0 when either side is missing), for ranking the worst pages. */
        public double f1() {
            double p = precision();
            double r = recall();
            if (Double.isNaN(p) || Double.isNaN(r) || p + r == 0) {
                return 0.0;
            }
            return 2 * p * r / (p + r);
        }
    }

    /** Precision and recall averaged over pages, F1 from the averages. */
    public record Summary(double precision, double recall, double f1, int pages) {}

    /** Matches one page's prediction against its truth. */
    public static Counts match(String truth, String prediction) {
        Map<String, Integer> expected = shingles(truth);
        Map<String, Integer> predicted = shingles(prediction);
        Set<String> keys = new HashSet<>(expected.keySet());
        keys.addAll(predicted.keySet());
        double tp = 0;
        double fp = 0;
        double fn = 0;
        for (String key : keys) {
            int t = expected.getOrDefault(key, 0);
            int p = predicted.getOrDefault(key, 0);
            tp += Math.min(t, p);
            fp += Math.max(0, p - t);
            fn += Math.max(0, t - p);
        }
        double sum = tp + fp + fn;
        return sum > 0 ? new Counts(tp / sum, fp / sum, fn / sum) : new Counts(0, 0, 0);
    }

    /** Averages precision over pages with a prediction and recall over pages with a truth. */
    public static Summary summarize(List<Counts> pages) {
        double precision = mean(pages.stream().mapToDouble(Counts::precision).toArray());
        double recall = mean(pages.stream().mapToDouble(Counts::recall).toArray());
        double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
        return new Summary(precision, recall, f1, pages.size());
    }

    private static double mean(double[] values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /**
     * The text's shingles with their counts. A text of fewer than {@value #SHINGLE} tokens is one
     * shorter shingle, as in the benchmark.
     */
    static Map<String, Integer> shingles(String text) {
        List<String> tokens = tokens(text);
        Map<String, Integer> counts = new HashMap<>();
        int last = Math.max(1, tokens.size() - SHINGLE + 1);
        for (int i = 0; i < last && i < tokens.size(); i++) {
            String shingle =
                    String.join(" ", tokens.subList(i, Math.min(tokens.size(), i + SHINGLE)));
            counts.merge(shingle, 1, Integer::sum);
        }
        return counts;
    }

    /**
     * Python's {@code re.findall(r'\w+', text)}: runs of letters, numbers (any Unicode category N)
     * and underscores. Java's {@code \w}, even with UNICODE_CHARACTER_CLASS, also takes combining
     * marks, which would split words differently from the published numbers.
     */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        int start = -1;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            boolean word = isWord(cp);
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                tokens.add(text.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            tokens.add(text.substring(start));
        }
        return tokens;
    }

    private static boolean isWord(int cp) {
        if (cp == '_' || Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }
}
