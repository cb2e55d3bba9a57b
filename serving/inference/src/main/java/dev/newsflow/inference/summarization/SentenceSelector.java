package dev.newsflow.inference.summarization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Picks the summary sentences of one document from its sentences and their unit-length embeddings.
 *
 * <p>Each sentence gets a relevance (see {@link SummarizerOptions}): two centralities, semantic
 * (cosine of its embedding to the document centroid) and lexical (how frequent its content words
 * are in the document), plus a position prior (news leads with the substance) and a preference for
 * sentences of a summary-like length. Maximal marginal relevance then picks sentences one at a
 * time, discounting each candidate by its highest cosine to a sentence already picked, so that the
 * summary does not say the same thing twice. The result is in document order.
 *
 * <p>Pure arithmetic on given vectors, so it is tested and tuned without a model. Thread-safe.
 */
public final class SentenceSelector {

    /** Function words that would make every sentence look central. */
    private static final Set<String> STOP_WORDS =
            Set.of(
                    "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by",
                    "for", "with", "from", "as", "is", "are", "was", "were", "be", "been", "being",
                    "it", "its", "this", "that", "these", "those", "he", "she", "they", "we", "you",
                    "i", "his", "her", "their", "our", "your", "my", "me", "him", "them", "us",
                    "who", "whom", "which", "what", "when", "where", "why", "how", "not", "no",
                    "so", "than", "then", "there", "here", "has", "have", "had", "do", "does",
                    "did", "will", "would", "can", "could", "should", "may", "might", "must",
                    "shall", "said", "says", "say", "also", "just", "about", "after", "before",
                    "over", "under", "into", "out", "up", "down", "more", "most", "some", "any",
                    "all", "each", "other", "such", "only", "own", "same", "very", "s", "t", "one",
                    "two", "new");

    private final SummarizerOptions options;

    public SentenceSelector(SummarizerOptions options) {
        this.options = options;
    }

    /**
     * Chooses the summary sentences.
     *
     * @param sentences the document's sentences in order
     * @param vectors one unit-length embedding per sentence
     * @return indices of the chosen sentences, ascending (document order), at most {@link
     *     SummarizerOptions#maxSentences()}; all of them if there are no more than that
     */
    public int[] select(List<String> sentences, float[][] vectors) {
        int n = sentences.size();
        if (vectors.length != n) {
            throw new IllegalArgumentException(
                    n + " sentences but " + vectors.length + " embeddings");
        }
        if (n <= options.maxSentences()) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        double[] relevance = relevance(sentences, vectors);
        List<Integer> candidates = candidates(sentences);
        List<Integer> chosen = new ArrayList<>();
        double lambda = options.redundancyLambda();
        while (chosen.size() < options.maxSentences() && !candidates.isEmpty()) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i : candidates) {
                double redundancy = 0.0;
                for (int j : chosen) {
                    redundancy = Math.max(redundancy, dot(vectors[i], vectors[j]));
                }
                double value = lambda * relevance[i] - (1 - lambda) * redundancy;
                if (value > bestValue) {
                    bestValue = value;
                    best = i;
                }
            }
            chosen.add(best);
            candidates.remove(Integer.valueOf(best));
        }
        return chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** Relevance of every sentence before redundancy is taken into account. */
    double[] relevance(List<String> sentences, float[][] vectors) {
        int n = sentences.size();
        double[] semantic = rescale(semanticCentrality(vectors));
        double[] lexical = rescale(lexicalCentrality(sentences));
        double[] relevance = new double[n];
        for (int i = 0; i < n; i++) {
            double words = wordCount(sentences.get(i));
            relevance[i] =
                    options.lexicalWeight() * lexical[i]
                            + options.embeddingWeight() * semantic[i]
                            + options.positionWeight() * Math.exp(-i / options.positionDecay())
                            - options.lengthWeight()
                                    * Math.abs(words - options.targetWords())
                                    / options.targetWords();
        }
        return relevance;
    }

    /** Dot product with the (unnormalised) centroid: ranks like the cosine to the centroid. */
    static double[] semanticCentrality(float[][] vectors) {
        double[] centroid = new double[vectors[0].length];
        for (float[] v : vectors) {
            for (int d = 0; d < v.length; d++) {
                centroid[d] += v[d];
            }
        }
        double[] centrality = new double[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            for (int d = 0; d < centroid.length; d++) {
                centrality[i] += vectors[i][d] * centroid[d];
            }
        }
        return centrality;
    }

    /** Mean document probability of the sentence's content words (SumBasic); 0 without any. */
    static double[] lexicalCentrality(List<String> sentences) {
        List<List<String>> words = sentences.stream().map(SentenceSelector::contentWords).toList();
        Map<String, Integer> counts = new HashMap<>();
        int total = 0;
        for (List<String> sentence : words) {
            for (String word : sentence) {
                counts.merge(word, 1, Integer::sum);
                total++;
            }
        }
        double[] centrality = new double[sentences.size()];
        for (int i = 0; i < centrality.length; i++) {
            double sum = 0.0;
            for (String word : words.get(i)) {
                sum += counts.get(word);
            }
            centrality[i] = words.get(i).isEmpty() ? 0.0 : sum / total / words.get(i).size();
        }
        return centrality;
    }

    /** Lower-cased letter/digit runs that are neither stop words nor numbers. */
    static List<String> contentWords(String sentence) {
        List<String> words = new ArrayList<>();
        String lower = sentence.toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < lower.length()) {
            if (!Character.isLetterOrDigit(lower.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean letters = false;
            while (i < lower.length() && Character.isLetterOrDigit(lower.charAt(i))) {
                letters |= Character.isLetter(lower.charAt(i));
                i++;
            }
            String word = lower.substring(start, i);
            if (letters && !STOP_WORDS.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    /** Sentences of acceptable length; all of them if too few qualify. */
    private List<Integer> candidates(List<String> sentences) {
        List<Integer> fit = new ArrayList<>();
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            all.add(i);
            int words = wordCount(sentences.get(i));
            if (words >= options.minWords() && words <= options.maxWords()) {
                fit.add(i);
            }
        }
        return fit.size() >= options.maxSentences() ? fit : all;
    }

    /** Whitespace-separated tokens that hold a letter or digit ("3.7" and "don't" are one). */
    static int wordCount(String sentence) {
        int words = 0;
        boolean counted = false;
        for (int i = 0; i < sentence.length(); i++) {
            char c = sentence.charAt(i);
            if (Character.isWhitespace(c)) {
                counted = false;
            } else if (!counted && Character.isLetterOrDigit(c)) {
                words++;
                counted = true;
            }
        }
        return words;
    }

    /** Min-max rescaling to [0, 1]; all ones if every value is equal. */
    static double[] rescale(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double range = max - min;
        double[] scaled = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            scaled[i] = range > 0 ? (values[i] - min) / range : 1.0;
        }
        return scaled;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0.0;
        for (int d = 0; d < a.length; d++) {
            sum += a[d] * b[d];
        }
        return sum;
    }
}
