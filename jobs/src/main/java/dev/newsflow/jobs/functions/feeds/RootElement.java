package dev.newsflow.jobs.functions.feeds;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Looks at the start of a decoded document without parsing it. */
final class RootElement {

    private static final Pattern DECLARATION =
            Pattern.compile("^[\\s\\uFEFF]*<\\?xml(?:\\s[^>]*)?\\?>", Pattern.CASE_INSENSITIVE);

    private RootElement() {}

    /** The qualified name of the first element, or null when there is none. */
    static String name(String text) {
        int i = 0;
        while (i < text.length()) {
            int skipped = XmlScan.skipVerbatim(text, i);
            if (skipped > i) {
                i = skipped;
            } else if (text.startsWith("<!", i)) {
                int end = text.indexOf('>', i);
                i = end < 0 ? text.length() : end + 1;
            } else if (text.charAt(i) == '<'
                    && i + 1 < text.length()
                    && XmlScan.isNameStart(text.charAt(i + 1))) {
                int end = i + 1;
                while (end < text.length() && XmlScan.isNameChar(text.charAt(end))) {
                    end++;
                }
                return text.substring(i + 1, end);
            } else {
                i++;
            }
        }
        return null;
    }

    /**
     * The document without leading whitespace and XML declaration: the text is decoded already, and
     * whitespace before the declaration, which real feeds often have, would be an error.
     */
    static String stripDeclaration(String text) {
        Matcher m = DECLARATION.matcher(text);
        if (m.find()) {
            return text.substring(m.end());
        }
        int start = 0;
        while (start < text.length()
                && (Character.isWhitespace(text.charAt(start)) || text.charAt(start) == '\uFEFF')) {
            start++;
        }
        return text.substring(start);
    }

    /** True when something other than nothing precedes the XML declaration. */
    static boolean declarationNotAtStart(String text) {
        Matcher m = DECLARATION.matcher(text);
        return m.find() && !text.startsWith("<?xml") && !text.startsWith("<?XML");
    }
}
