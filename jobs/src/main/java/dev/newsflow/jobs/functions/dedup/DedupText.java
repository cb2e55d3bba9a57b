package dev.newsflow.jobs.functions.dedup;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text the dedup stages compare: Unicode NFKC (full-width letters, ligatures and no-break
 * spaces become their plain forms), invisible format characters (soft hyphens, zero-width spaces)
 * removed, lower case, every run of white space one space, trimmed. Two pages whose texts differ
 * only in these respects are the same content.
 */
public final class DedupText {

    private DedupText() {}

    /** The normalised form of {@code text}. */
    public static String normalize(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        boolean pendingSpace = false;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = out.length() > 0;
            } else if (Character.getType(cp) != Character.FORMAT) {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /**
     * The words of a normalised text: maximal runs of letters, digits and combining marks.
     * Punctuation separates words and is otherwise ignored, so re-punctuated copies still match.
     */
    public static List<String> words(String normalized) {
        List<String> words = new ArrayList<>(normalized.length() / 5 + 1);
        int start = -1;
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            boolean wordChar = isWordChar(cp);
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                words.add(normalized.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            words.add(normalized.substring(start));
        }
        return words;
    }

    private static boolean isWordChar(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }
}
