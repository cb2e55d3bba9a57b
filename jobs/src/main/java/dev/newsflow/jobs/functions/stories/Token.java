package dev.newsflow.jobs.functions.stories;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word or number of a text, with what keyword extraction needs to know about its position: does
 * it start a sentence, and is it joined to the previous token by nothing but spaces (so that the
 * two can belong to one name)?
 *
 * @param text as written, possessive {@code 's} removed
 * @param lower lower case of {@code text}
 * @param sentenceStart first token of a sentence or paragraph
 * @param joined only spaces separate it from the previous token
 */
record Token(String text, String lower, boolean sentenceStart, boolean joined) {

    // Numbers (with currency, thousands separators, decimals, percent) and words (letters, with
    // inner apostrophes and hyphens).
    private static final Pattern TOKEN =
            Pattern.compile(
                    "[$€£]?\\d(?:[\\d,.]*\\d)?%?|\\p{L}[\\p{L}\\p{M}\\p{Nd}]*(?:['’\\-][\\p{L}\\p{M}\\p{Nd}]+)*");

    /** Abbreviations whose full stop does not end a sentence ("Mr. Smith", "U.S. troops"). */
    private static final Set<String> ABBREVIATIONS =
            Set.of(
                    "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "sgt",
                    "prof", "jr", "sr", "vs", "no", "u", "s", "k", "e", "inc", "corp", "co", "ltd");

    static List<Token> of(String text) {
        List<Token> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        Matcher m = TOKEN.matcher(text);
        int previousEnd = -1;
        String previous = null;
        while (m.find()) {
            String gap = previousEnd < 0 ? "" : text.substring(previousEnd, m.start());
            boolean start =
                    previousEnd < 0
                            || gap.indexOf('\n') >= 0
                            || (endsSentence(gap) && !ABBREVIATIONS.contains(previous));
            String word = stripPossessive(m.group());
            String lower = word.toLowerCase(Locale.ROOT).replace('’', '\'');
            tokens.add(new Token(word, lower, start, previousEnd >= 0 && gap.isBlank()));
            previousEnd = m.end();
            previous = lower;
        }
        return tokens;
    }

    boolean capitalised() {
        return Character.isUpperCase(text.charAt(0));
    }

    /** All capitals, two letters or more: "US", "NASA". */
    boolean acronym() {
        return text.length() >= 2 && text.equals(text.toUpperCase(Locale.ROOT)) && !number();
    }

    boolean number() {
        return !Character.isLetter(text.charAt(0));
    }

    private static boolean endsSentence(String gap) {
        return gap.indexOf('.') >= 0 || gap.indexOf('!') >= 0 || gap.indexOf('?') >= 0;
    }

    private static String stripPossessive(String word) {
        if (word.length() > 2 && (word.endsWith("'s") || word.endsWith("’s"))) {
            return word.substring(0, word.length() - 2);
        }
        return word;
    }
}
