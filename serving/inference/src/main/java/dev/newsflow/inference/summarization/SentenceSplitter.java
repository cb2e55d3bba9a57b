package dev.newsflow.inference.summarization;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rule-based English sentence splitter for news text.
 *
 * <p>A sentence ends at {@code . ! ?} or an ellipsis, optionally followed by closing quotes or
 * brackets, when whitespace and then an upper-case letter, a digit or an opening quote follow; and
 * at every line break. It does not end after a known abbreviation ({@code Mr.}, {@code Sept.},
 * {@code Gen.}), a single initial ({@code J. K. Rowling}) or a dotted acronym ({@code U.S.}), which
 * in news text are far more often followed by a name than by a new sentence. Decimal numbers and
 * URLs never split because no whitespace follows their dots.
 *
 * <p>Stateless and thread-safe.
 */
public final class SentenceSplitter {

    /** Lower-cased, without the dot. */
    private static final Set<String> ABBREVIATIONS =
            Set.of(
                    "mr", "mrs", "ms", "messrs", "dr", "prof", "rev", "fr", "st", "mt", "ft", "sr",
                    "jr", "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt", "cmdr", "sgt",
                    "cpl", "pte", "adm", "brig", "supt", "insp", "det", "pres", "hon", "amb", "co",
                    "corp", "inc", "ltd", "bros", "no", "nos", "vs", "v", "jan", "feb", "mar",
                    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ave", "blvd",
                    "rd", "approx", "est", "dept", "univ", "vol", "fig", "cf", "al");

    private static final String CLOSERS = "\"'’”)]»";

    private static final String OPENERS = "\"'‘“([«";

    /** Splits {@code text} into trimmed, non-empty sentences in document order. */
    public List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        int start = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                add(sentences, text, start, i);
                start = i + 1;
                i++;
                continue;
            }
            if (c == '.' || c == '!' || c == '?' || c == '…') {
                int end = i + 1;
                // A run of terminators ("?!", "...") ends together.
                while (end < n && isTerminator(text.charAt(end))) {
                    end++;
                }
                while (end < n && CLOSERS.indexOf(text.charAt(end)) >= 0) {
                    end++;
                }
                if (end < n
                        && isSpace(text.charAt(end))
                        && startsSentence(text, end)
                        && !(c == '.' && end == i + 1 && isAbbreviation(text, i))) {
                    add(sentences, text, start, end);
                    start = end;
                }
                i = end;
                continue;
            }
            i++;
        }
        add(sentences, text, start, n);
        return sentences;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0';
    }

    private static boolean isTerminator(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…';
    }

    /** Whether, after the whitespace at {@code from}, the next word looks like a sentence start. */
    private static boolean startsSentence(String text, int from) {
        int j = from;
        while (j < text.length() && isSpace(text.charAt(j))) {
            if (text.charAt(j) == '\n') {
                return true;
            }
            j++;
        }
        if (j >= text.length()) {
            return false;
        }
        char next = text.charAt(j);
        if (OPENERS.indexOf(next) >= 0 || next == '-' || next == '–' || next == '—') {
            return true;
        }
        return Character.isUpperCase(next) || Character.isDigit(next);
    }

    /**
     * Whether the word whose final dot is at {@code dot} is an abbreviation, initial or acronym.
     */
    private static boolean isAbbreviation(String text, int dot) {
        int begin = dot;
        while (begin > 0 && !isSpace(text.charAt(begin - 1))) {
            begin--;
        }
        // Strip opening punctuation: "(Gen." is still "Gen.".
        while (begin < dot && !Character.isLetterOrDigit(text.charAt(begin))) {
            begin++;
        }
        String word = text.substring(begin, dot);
        if (word.isEmpty()) {
            return false;
        }
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return true; // an initial: "J. K. Rowling"
        }
        if (word.indexOf('.') > 0 && word.length() <= 6 && isDottedAcronym(word)) {
            return true; // "U.S", "U.N", "a.m" (the final dot is the one at `dot`)
        }
        return ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static boolean isDottedAcronym(String word) {
        for (String part : word.split("\\.")) {
            if (part.length() != 1 || !Character.isLetter(part.charAt(0))) {
                return false;
            }
        }
        return true;
    }

    private static void add(List<String> sentences, String text, int from, int to) {
        String sentence = text.substring(from, to).strip();
        if (!sentence.isEmpty()) {
            sentences.add(sentence);
        }
    }
}
