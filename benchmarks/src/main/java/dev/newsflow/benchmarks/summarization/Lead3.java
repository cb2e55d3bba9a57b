package dev.newsflow.benchmarks.summarization;

import dev.newsflow.inference.summarization.SentenceSplitter;
import java.util.List;

/**
 * Lead-3, the standard news summarization baseline: the article's first three sentences, split by
 * the same {@link SentenceSplitter} the summarizer uses so that both see the same sentences.
 */
public final class Lead3 {

    private static final SentenceSplitter SPLITTER = new SentenceSplitter();

    private Lead3() {}

    public static String summarize(String article) {
        List<String> sentences = SPLITTER.split(article);
        return String.join(" ", sentences.subList(0, Math.min(3, sentences.size())));
    }
}
