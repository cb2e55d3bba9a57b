package dev.newsflow.benchmarks.summarization;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * ROUGE-N, ROUGE-L and ROUGE-Lsum (Lin 2004) as Google's {@code rouge-score} package computes them,
 * without stemming:
 *
 * <ul>
 *   <li>Tokens: lower-case, every run of characters other than {@code [a-z0-9]} is a separator (so
 *       "U.S." is "u s" and non-ASCII letters are dropped, exactly like {@code rouge-score}).
 *   <li>ROUGE-N: clipped n-gram overlap; precision over the candidate's n-grams, recall over the
 *       reference's.
 *   <li>ROUGE-L: document-level, the longest common subsequence of the two whole token sequences.
 *   <li>ROUGE-Lsum: summary-level, for each reference sentence the union of its LCS with every
 *       candidate sentence, with matches clipped by token counts.
 * </ul>
 *
 * F1 is the harmonic mean of precision and recall (beta = 1).
 */
public final class Rouge {

    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");

    private Rouge() {}

    /** {@code rouge-score}'s tokenizer without stemming. */
    public static List<String> tokenize(String text) {
        String cleaned = SEPARATORS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        return cleaned.isEmpty() ? List.of() : List.of(cleaned.split(" "));
    }

    /** ROUGE-N of two texts. */
    public static RougeScore rougeN(String candidate, String reference, int n) {
        return rougeN(tokenize(candidate), tokenize(reference), n);
    }

    /** ROUGE-N of two token sequences. */
    public static RougeScore rougeN(List<String> candidate, List<String> reference, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, was " + n);
        }
        Map<List<String>, Integer> candidateGrams = ngrams(candidate, n);
        Map<List<String>, Integer> referenceGrams = ngrams(reference, n);
        int matches = 0;
        for (Map.Entry<List<String>, Integer> gram : candidateGrams.entrySet()) {
            matches += Math.min(gram.getValue(), referenceGrams.getOrDefault(gram.getKey(), 0));
        }
        return RougeScore.of(
                matches,
                Math.max(0, candidate.size() - n + 1),
                Math.max(0, reference.size() - n + 1));
    }

    /** Document-level ROUGE-L of two texts. */
    public static RougeScore rougeL(String candidate, String reference) {
        List<String> c = tokenize(candidate);
        List<String> r = tokenize(reference);
        return RougeScore.of(lcsLength(c, r), c.size(), r.size());
    }

    /** Summary-level ROUGE-Lsum of two texts given as sentences. */
    public static RougeScore rougeLsum(List<String> candidateSentences, List<String> references) {
        List<List<String>> candidate = candidateSentences.stream().map(Rouge::tokenize).toList();
        List<List<String>> reference = references.stream().map(Rouge::tokenize).toList();
        Map<String, Integer> candidateCounts = counts(candidate);
        Map<String, Integer> referenceCounts = counts(reference);
        int candidateTokens = candidate.stream().mapToInt(List::size).sum();
        int referenceTokens = reference.stream().mapToInt(List::size).sum();
        int hits = 0;
        for (List<String> sentence : reference) {
            BitSet union = new BitSet(sentence.size());
            for (List<String> other : candidate) {
                union.or(lcsPositions(sentence, other));
            }
            for (int i = union.nextSetBit(0); i >= 0; i = union.nextSetBit(i + 1)) {
                String token = sentence.get(i);
                // A token can only match as often as it occurs on both sides.
                if (candidateCounts.getOrDefault(token, 0) > 0
                        && referenceCounts.getOrDefault(token, 0) > 0) {
                    hits++;
                    candidateCounts.merge(token, -1, Integer::sum);
                    referenceCounts.merge(token, -1, Integer::sum);
                }
            }
        }
        return RougeScore.of(hits, candidateTokens, referenceTokens);
    }

    static int lcsLength(List<String> a, List<String> b) {
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                current[j] =
                        a.get(i - 1).equals(b.get(j - 1))
                                ? previous[j - 1] + 1
                                : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.size()];
    }

    /** Positions in {@code reference} of one longest common subsequence with {@code other}. */
    static BitSet lcsPositions(List<String> reference, List<String> other) {
        int[][] table = new int[reference.size() + 1][other.size() + 1];
        for (int i = 1; i <= reference.size(); i++) {
            for (int j = 1; j <= other.size(); j++) {
                table[i][j] =
                        reference.get(i - 1).equals(other.get(j - 1))
                                ? table[i - 1][j - 1] + 1
                                : Math.max(table[i - 1][j], table[i][j - 1]);
            }
        }
        BitSet positions = new BitSet(reference.size());
        int i = reference.size();
        int j = other.size();
        while (i > 0 && j > 0) {
            if (reference.get(i - 1).equals(other.get(j - 1))) {
                positions.set(i - 1);
                i--;
                j--;
            } else if (table[i][j - 1] > table[i - 1][j]) {
                j--;
            } else {
                i--; // ties move in the reference, as rouge-score's backtracking does
            }
        }
        return positions;
    }

    private static Map<List<String>, Integer> ngrams(List<String> tokens, int n) {
        Map<List<String>, Integer> grams = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            grams.merge(new ArrayList<>(tokens.subList(i, i + n)), 1, Integer::sum);
        }
        return grams;
    }

    private static Map<String, Integer> counts(List<List<String>> sentences) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> sentence : sentences) {
            for (String token : sentence) {
                counts.merge(token, 1, Integer::sum);
            }
        }
        return counts;
    }
}
