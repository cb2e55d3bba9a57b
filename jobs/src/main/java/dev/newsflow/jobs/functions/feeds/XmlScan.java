package dev.newsflow.jobs.functions.feeds;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Entities;

/** Character-level XML helpers shared by {@link DoctypeGuard} and {@link XmlRepair}. */
final class XmlScan {

    private XmlScan() {}

    /**
     * If a comment, CDATA section or processing instruction starts at {@code i}, the index just
     * after it (the end of the text when it is unterminated); otherwise {@code i}.
     */
    static int skipVerbatim(String text, int i) {
        String close;
        if (text.startsWith("<!--", i)) {
            close = "-->";
        } else if (text.startsWith("<![CDATA[", i)) {
            close = "]]>";
        } else if (text.startsWith("<?", i)) {
            close = "?>";
        } else {
            return i;
        }
        int end = text.indexOf(close, i + 2);
        return end < 0 ? text.length() : end + close.length();
    }

    /**
     * Index of the '&gt;' ending the tag whose name starts at {@code from}, or of the next '&lt;'
     * (an unterminated tag); a quote that never closes does not hide the '&gt;'.
     */
    static int tagEnd(String text, int from) {
        char quote = 0;
        for (int k = from; k < text.length(); k++) {
            char c = text.charAt(k);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>' || c == '<') {
                return k;
            }
        }
        int gt = quote != 0 ? text.indexOf('>', from) : -1;
        return gt < 0 ? text.length() : gt;
    }

    /** True when {@code rest} holds more than whitespace and comments. */
    static boolean hasContent(String rest) {
        String stripped = rest;
        int i;
        while ((i = stripped.indexOf("<!--")) >= 0) {
            int end = stripped.indexOf("-->", i + 4);
            stripped = stripped.substring(0, i) + (end < 0 ? "" : stripped.substring(end + 3));
        }
        return !stripped.isBlank();
    }

    /** The Char production of XML 1.0. */
    static boolean isXmlChar(int cp) {
        return cp == 0x9
                || cp == 0xA
                || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_' || c == ':';
    }

    static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':' || c == '-' || c == '.';
    }

    /** Appends {@code text[from, to)} without the characters XML does not allow. */
    static void appendXmlChars(String text, int from, int to, StringBuilder out, Log log) {
        for (int i = from; i < to; ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (isXmlChar(cp)) {
                out.append(text, i, Math.min(i + width, to));
            } else {
                log.add("characters not allowed in XML removed");
            }
            i += width;
        }
    }

    /**
     * Repairs the character or entity reference starting with the '&amp;' at {@code i}: HTML
     * entities become numeric references, references to characters XML forbids are dropped, a bare
     * '&amp;' is escaped. Returns the index after what was consumed.
     */
    static int reference(String text, int i, StringBuilder out, Log log) {
        // A bounded search: a long run of bare ampersands must not make the scan quadratic.
        int semicolon = -1;
        for (int k = i + 1; k < Math.min(text.length(), i + 40) && semicolon < 0; k++) {
            semicolon = text.charAt(k) == ';' ? k : -1;
        }
        if (semicolon < 0) {
            return escapeAmpersand(out, i, log);
        }
        String body = text.substring(i + 1, semicolon);
        if (body.startsWith("#")) {
            int cp = codePoint(body);
            if (cp < 0) {
                return escapeAmpersand(out, i, log);
            }
            if (cp >= 0x80 && cp <= 0x9F) {
                cp = LegacyCharsets.cp1252(cp);
                log.add("C1 character references read as windows-1252");
            }
            if (isXmlChar(cp)) {
                out.append("&#").append(cp).append(';');
            } else {
                log.add("references to characters not allowed in XML removed");
            }
            return semicolon + 1;
        }
        if (!isName(body)) {
            return escapeAmpersand(out, i, log);
        }
        if (List.of("lt", "gt", "amp", "quot", "apos").contains(body)) {
            out.append('&').append(body).append(';');
        } else if (Entities.isNamedEntity(body)) {
            Entities.getByName(body)
                    .codePoints()
                    .forEach(c -> out.append("&#").append(c).append(';'));
            log.add("undeclared HTML entities replaced");
        } else {
            out.append("&amp;").append(body).append(';');
            log.add("unknown entities kept as text");
        }
        return semicolon + 1;
    }

    private static int escapeAmpersand(StringBuilder out, int i, Log log) {
        out.append("&amp;");
        log.add("bare ampersands escaped");
        return i + 1;
    }

    private static int codePoint(String body) {
        try {
            if (body.startsWith("#x") || body.startsWith("#X")) {
                return body.length() > 8 ? -1 : Integer.parseInt(body.substring(2), 16);
            }
            return body.length() > 8 ? -1 : Integer.parseInt(body.substring(1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isName(String s) {
        if (s.isEmpty() || !isNameStart(s.charAt(0))) {
            return false;
        }
        for (int k = 1; k < s.length(); k++) {
            if (!isNameChar(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** Counts repairs by kind, in the order first seen. */
    static final class Log {
        private final Map<String, Integer> counts = new LinkedHashMap<>();

        void add(String repair) {
            counts.merge(repair, 1, Integer::sum);
        }

        List<String> notes() {
            return counts.entrySet().stream()
                    .map(
                            e ->
                                    e.getValue() == 1
                                            ? e.getKey()
                                            : e.getKey() + " (" + e.getValue() + ")")
                    .toList();
        }
    }
}
