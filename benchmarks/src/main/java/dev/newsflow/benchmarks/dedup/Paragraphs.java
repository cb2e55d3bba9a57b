package dev.newsflow.benchmarks.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits article texts into paragraphs and sentences for the alterations. A text without blank
 * lines (the CNN/DailyMail articles are one line each) gets paragraphs of three sentences.
 */
final class Paragraphs {

    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n");
    private static final Pattern SENTENCE_END =
            Pattern.compile("(?<=[.!?][\"'’”)]?)\\s+(?=[\"'‘“(]?\\p{Lu})");
    static final int SENTENCES_PER_PARAGRAPH = 3;

    private Paragraphs() {}

    static List<String> of(String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String p : BLANK_LINES.split(text.strip())) {
            if (!p.isBlank()) {
                paragraphs.add(p.strip());
            }
        }
        if (paragraphs.size() > 1) {
            return paragraphs;
        }
        List<String> sentences = sentences(text);
        List<String> grouped = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i += SENTENCES_PER_PARAGRAPH) {
            grouped.add(
                    String.join(
                            " ",
                            sentences.subList(
                                    i, Math.min(sentences.size(), i + SENTENCES_PER_PARAGRAPH))));
        }
        return grouped;
    }

    static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        for (String s : SENTENCE_END.split(text.strip())) {
            if (!s.isBlank()) {
                sentences.add(s.strip());
            }
        }
        return sentences;
    }

    static String join(List<String> paragraphs) {
        return String.join("\n\n", paragraphs);
    }
}
