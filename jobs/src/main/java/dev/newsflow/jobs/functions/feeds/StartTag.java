package dev.newsflow.jobs.functions.feeds;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A start tag as {@link XmlRepair} rewrites it: every attribute quoted, with a value, once; values
 * with their references repaired and '&lt;' escaped.
 */
record StartTag(
        String name,
        String markup,
        boolean selfClosing,
        Set<String> prefixesUsed,
        Set<String> prefixesDeclared) {

    private static final Pattern ATTRIBUTE =
            Pattern.compile("\\s*([^\\s=/>\"']+)(?:\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s\"'>]+))?");

    /** Parses the text between '&lt;' and '&gt;'. */
    static StartTag parse(String body, XmlScan.Log log) {
        String trimmed = body.strip();
        boolean selfClosing = trimmed.endsWith("/");
        if (selfClosing) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        int nameEnd = 0;
        while (nameEnd < trimmed.length() && XmlScan.isNameChar(trimmed.charAt(nameEnd))) {
            nameEnd++;
        }
        String name = trimmed.substring(0, nameEnd);
        Set<String> used = new HashSet<>();
        Set<String> declared = new HashSet<>();
        addPrefix(name, used);
        StringBuilder markup = new StringBuilder(body.length() + 8).append(name);
        Set<String> seen = new LinkedHashSet<>();
        Matcher m = ATTRIBUTE.matcher(trimmed);
        int pos = nameEnd;
        while (pos < trimmed.length() && m.find(pos) && m.start() == pos) {
            pos = m.end();
            String attribute = m.group(1);
            if (!isName(attribute)) {
                log.add("malformed attributes removed");
                continue;
            }
            if (!seen.add(attribute)) {
                log.add("duplicate attributes removed");
                continue;
            }
            if (attribute.startsWith("xmlns:")) {
                declared.add(attribute.substring(6));
            } else if (!attribute.equals("xmlns")) {
                addPrefix(attribute, used);
            }
            markup.append(' ')
                    .append(attribute)
                    .append("=\"")
                    .append(value(m.group(2), attribute, log))
                    .append('"');
        }
        if (!trimmed.substring(pos).isBlank()) {
            log.add("malformed attributes removed");
        }
        return new StartTag(
                name,
                selfClosing ? markup.append('/').toString() : markup.toString(),
                selfClosing,
                used,
                declared);
    }

    private static String value(String raw, String attribute, XmlScan.Log log) {
        String value;
        if (raw == null) {
            log.add("attributes without a value completed");
            value = attribute;
        } else if (raw.startsWith("\"") || raw.startsWith("'")) {
            value = raw.substring(1, raw.length() - 1);
        } else {
            log.add("unquoted attribute values quoted");
            value = raw;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); ) {
            char c = value.charAt(i);
            if (c == '&') {
                i = XmlScan.reference(value, i, out, log);
                continue;
            }
            int width = Character.charCount(value.codePointAt(i));
            if (c == '<') {
                out.append("&lt;");
            } else if (c == '"') {
                out.append("&quot;");
            } else {
                XmlScan.appendXmlChars(value, i, i + width, out, log);
            }
            i += width;
        }
        return out.toString();
    }

    private static void addPrefix(String qualifiedName, Set<String> used) {
        int colon = qualifiedName.indexOf(':');
        if (colon > 0) {
            String prefix = qualifiedName.substring(0, colon);
            if (!prefix.equals("xml") && !prefix.equals("xmlns")) {
                used.add(prefix);
            }
        }
    }

    private static boolean isName(String s) {
        if (s.isEmpty() || !XmlScan.isNameStart(s.charAt(0)) || s.endsWith(":")) {
            return false;
        }
        return s.chars().allMatch(c -> XmlScan.isNameChar((char) c));
    }
}
