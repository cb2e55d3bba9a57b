package dev.newsflow.inference.summarization;

import dev.newsflow.inference.embedding.TextEmbedder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Extractive news summarizer: the CPU stand-in for the fine-tuned 7B summarization model that
 * Triton serves in production. It splits the article into sentences, embeds them with the shared
 * sentence embedder, and lets {@link SentenceSelector} pick the central, early, non-redundant ones;
 * the summary is those sentences verbatim, in document order, joined by single spaces.
 *
 * <p>Thread-safe if the embedder is (MiniLM is). Does not own the embedder.
 */
public final class ExtractiveSummarizer {

    /** How metadata and logs name this model, so that nobody mistakes it for the LLM. */
    public static final String DESCRIPTION =
            "extractive summarizer (lexical + MiniLM centrality, position prior, MMR), the CPU stand-in"
                    + " for the fine-tuned 7B summarization model";

    private final TextEmbedder embedder;
    private final SummarizerOptions options;
    private final SentenceSplitter splitter = new SentenceSplitter();
    private final SentenceSelector selector;

    public ExtractiveSummarizer(TextEmbedder embedder, SummarizerOptions options) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.options = Objects.requireNonNull(options, "options");
        this.selector = new SentenceSelector(options);
    }

    public SummarizerOptions options() {
        return options;
    }

    /** Summarizes one article; an article without sentences gives {@code ""}. */
    public String summarize(String article) {
        return summarizeAll(List.of(article)).get(0);
    }

    /**
     * Summarizes several articles with one embedding call for all their sentences, which is what
     * makes batching pay off.
     */
    public List<String> summarizeAll(List<String> articles) {
        List<List<String>> documents = new ArrayList<>(articles.size());
        List<String> allSentences = new ArrayList<>();
        for (String article : articles) {
            List<String> sentences = splitter.split(Objects.requireNonNull(article, "article"));
            if (sentences.size() > options.maxCandidates()) {
                sentences = sentences.subList(0, options.maxCandidates());
            }
            documents.add(sentences);
            allSentences.addAll(sentences);
        }
        float[][] vectors = embedByLength(allSentences);
        List<String> summaries = new ArrayList<>(articles.size());
        int offset = 0;
        for (List<String> sentences : documents) {
            float[][] own = new float[sentences.size()][];
            System.arraycopy(vectors, offset, own, 0, own.length);
            offset += own.length;
            summaries.add(
                    join(
                            sentences,
                            sentences.isEmpty() ? new int[0] : selector.select(sentences, own)));
        }
        return summaries;
    }

    /**
     * Embeds in order of length so that each model batch pads its sentences to a similar length:
     * news mixes ten-word sentences with hundred-word run-ons of photo captions, and padding a
     * batch to its longest member costs more than the sort. Vectors come back in input order.
     */
    float[][] embedByLength(List<String> sentences) {
        Integer[] order = new Integer[sentences.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt(i -> sentences.get(i).length()));
        List<String> sorted = new ArrayList<>(sentences.size());
        for (int index : order) {
            sorted.add(sentences.get(index));
        }
        float[][] sortedVectors = sorted.isEmpty() ? new float[0][] : embedder.embed(sorted);
        float[][] vectors = new float[sentences.size()][];
        for (int i = 0; i < order.length; i++) {
            vectors[order[i]] = sortedVectors[i];
        }
        return vectors;
    }

    private static String join(List<String> sentences, int[] chosen) {
        StringBuilder summary = new StringBuilder();
        for (int index : chosen) {
            if (summary.length() > 0) {
                summary.append(' ');
            }
            summary.append(sentences.get(index));
        }
        return summary.toString();
    }
}
