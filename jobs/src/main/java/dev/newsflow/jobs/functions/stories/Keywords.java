package dev.newsflow.jobs.functions.stories;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The salient names and terms of an article, lower case, best first. Three kinds of candidate:
 *
 * <ul>
 *   <li><b>names</b>: two to five capitalised words in a row ("Julian Assange", "Hong Kong
 *       Polytechnic University"); a capitalised word that starts a sentence only counts when the
 *       same word is capitalised elsewhere mid-sentence, so "Police said" is not a name;
 *   <li><b>quantities</b>: numbers with a unit or currency ("$20 billion", "30%", "7.1 magnitude");
 *   <li><b>terms</b>: single words that are not stopwords, with at least three letters.
 * </ul>
 *
 * <p>Score: occurrences in the text, names and quantities counting double and proper nouns one and
 * a half, plus {@value #TITLE_BONUS} when the candidate appears in the title. Terms need a score of
 * 2 (twice in the text, or in the title). A title in Title Case proves nothing about names, so its
 * capitals are ignored. English stopwords; other languages get names and quantities but noisier
 * terms.
 */
public final class Keywords {

    public static final int DEFAULT_LIMIT = 10;

    static final double TITLE_BONUS = 2;

    private static final int MAX_NAME_WORDS = 5;

    private static final Set<String> NAME_CONNECTORS =
            Set.of("of", "de", "del", "da", "van", "von", "bin", "al", "le", "la");

    /** "they're", "i'll", "wouldn't": never a keyword, whichever the pronoun. */
    private static final Pattern CONTRACTION = Pattern.compile("('re|'ll|'ve|'d|'m|n't)$");

    private Keywords() {}

    /** The {@link #DEFAULT_LIMIT} best keywords of an article. */
    public static List<String> of(String title, String text) {
        return of(title, text, DEFAULT_LIMIT);
    }

    /** The {@code limit} best keywords of an article, best first. */
    public static List<String> of(String title, String text, int limit) {
        List<Token> titleTokens = Token.of(title);
        List<Token> textTokens = Token.of(text);
        boolean titleCased = titleCased(titleTokens);
        Set<String> proper = properNouns(textTokens);
        if (!titleCased) {
            proper.addAll(properNouns(titleTokens));
        }
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        collect(titleTokens, -titleTokens.size(), 0, !titleCased, proper, candidates);
        collect(textTokens, 0, 1, true, proper, candidates);

        String titleWords = " " + String.join(" ", lower(titleTokens)) + " ";
        for (Candidate c : candidates.values()) {
            if (titleWords.contains(" " + c.keyword + " ")) {
                c.score += TITLE_BONUS;
            }
        }
        return candidates.values().stream()
                .filter(c -> c.kind != Kind.TERM || (c.score >= 2 && c.outsideName))
                .sorted(
                        Comparator.comparingDouble((Candidate c) -> -c.score)
                                .thenComparingInt(c -> c.position)
                                .thenComparing(c -> c.keyword))
                .limit(limit)
                .map(c -> c.keyword)
                .toList();
    }

    private enum Kind {
        NAME,
        QUANTITY,
        TERM
    }

    private static final class Candidate {
        final String keyword;
        final int position;
        final Kind kind;
        double score;
        boolean outsideName;

        Candidate(String keyword, int position, Kind kind) {
            this.keyword = keyword;
            this.position = position;
            this.kind = kind;
        }
    }

    /**
     * Adds the names (when {@code names}), quantities and terms of {@code tokens} to {@code out},
     * each occurrence scoring {@code weight} times its kind's weight.
     */
    private static void collect(
            List<Token> tokens,
            int firstPosition,
            double weight,
            boolean names,
            Set<String> proper,
            Map<String, Candidate> out) {
        int nameUntil = 0;
        boolean inName = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            int position = firstPosition + i;
            if (i >= nameUntil) {
                inName = false;
            }
            if (names && i >= nameUntil && startsName(t, proper)) {
                nameUntil = nameEnd(tokens, i);
                int words = nameUntil - i;
                inName = words >= 2 && words <= MAX_NAME_WORDS;
                if (inName) {
                    add(out, join(tokens, i, nameUntil), position, Kind.NAME, 2 * weight);
                }
            }
            if (t.number()) {
                String quantity = Quantities.at(tokens, i);
                if (quantity != null) {
                    add(out, quantity, position, Kind.QUANTITY, 2 * weight);
                }
            } else if (isTerm(t)) {
                double w = proper.contains(t.lower()) ? 1.5 * weight : weight;
                add(out, t.lower(), position, Kind.TERM, w).outsideName |= !inName;
            }
        }
    }

    private static Candidate add(
            Map<String, Candidate> out, String keyword, int position, Kind kind, double weight) {
        Candidate c = out.computeIfAbsent(keyword, k -> new Candidate(k, position, kind));
        c.score += weight;
        return c;
    }

    /** Words capitalised somewhere other than at the start of a sentence. */
    private static Set<String> properNouns(List<Token> tokens) {
        Set<String> proper = new HashSet<>();
        for (Token t : tokens) {
            if (!t.sentenceStart() && isNameWord(t)) {
                proper.add(t.lower());
            }
        }
        return proper;
    }

    /** Most words of the title are capitalised ("Sweden Drops Its Investigation Into ..."). */
    private static boolean titleCased(List<Token> title) {
        int words = 0;
        int capitalised = 0;
        for (Token t : title) {
            if (!t.number() && t.lower().length() > 3) {
                words++;
                capitalised += t.capitalised() ? 1 : 0;
            }
        }
        return words >= 3 && capitalised * 10 >= words * 6;
    }

    private static boolean startsName(Token t, Set<String> proper) {
        return isNameWord(t) && (!t.sentenceStart() || proper.contains(t.lower()));
    }

    /** Capitalised, and not a function word unless an acronym ("US Geological Survey"). */
    private static boolean isNameWord(Token t) {
        return !t.number() && t.capitalised() && (!Stopwords.breaksName(t.lower()) || t.acronym());
    }

    /** End (exclusive) of the run of capitalised words starting at {@code from}. */
    private static int nameEnd(List<Token> tokens, int from) {
        int end = from + 1;
        while (end < tokens.size()) {
            Token t = tokens.get(end);
            if (!t.joined() || t.sentenceStart()) {
                break;
            }
            if (isNameWord(t)) {
                end++;
            } else if (NAME_CONNECTORS.contains(t.lower())
                    && end + 1 < tokens.size()
                    && tokens.get(end + 1).joined()
                    && isNameWord(tokens.get(end + 1))) {
                end += 2;
            } else {
                break;
            }
        }
        return end;
    }

    private static boolean isTerm(Token t) {
        return !t.number()
                && t.lower().length() >= 3
                && !Stopwords.contains(t.lower())
                && !CONTRACTION.matcher(t.lower()).find();
    }

    private static String join(List<Token> tokens, int from, int to) {
        return String.join(" ", lower(tokens.subList(from, to)));
    }

    private static List<String> lower(List<Token> tokens) {
        List<String> words = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            words.add(t.lower());
        }
        return words;
    }
}
