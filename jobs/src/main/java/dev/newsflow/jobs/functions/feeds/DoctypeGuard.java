package dev.newsflow.jobs.functions.feeds;

import dev.newsflow.jobs.functions.feeds.FeedRejectedException.Kind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The only place a document type declaration is looked at; the XML parser itself refuses any. The
 * DOCTYPE is removed; the entities it declares inside the document are expanded here, within
 * limits; anything that would make a parser read a file or a URL (XXE) or expand without bound
 * (billion laughs) rejects the document. The W3C HTML entity sets that old RSS and XHTML documents
 * reference by public id are not loaded either: HTML entities are built in (see {@link XmlRepair}).
 */
final class DoctypeGuard {

    /** One entity may expand to at most this many characters. */
    static final int MAX_ENTITY_CHARS = 64 * 1024;

    /** All entity references of a document together may expand to at most this many. */
    static final int MAX_TOTAL_EXPANSION = 1024 * 1024;

    static final int MAX_DEPTH = 16;

    private static final Pattern ENTITY_DECL =
            Pattern.compile(
                    "<!ENTITY\\s+(%\\s+)?([^\\s%;\"']+)\\s+(?:(SYSTEM|PUBLIC)\\s+)?"
                            + "(\"[^\"]*\"|'[^']*')(\\s+(\"[^\"]*\"|'[^']*'))?");
    private static final Pattern REFERENCE = Pattern.compile("&([A-Za-z_:][\\w.:-]*);");
    private static final Set<String> PREDEFINED = Set.of("lt", "gt", "amp", "quot", "apos");

    record Result(String text, List<String> notes) {}

    private final Map<String, String> declared = new HashMap<>();
    private final Map<String, String> expanded = new HashMap<>();
    private final Set<String> expanding = new HashSet<>();
    private long totalExpansion;

    private DoctypeGuard() {}

    static Result apply(String text) throws FeedRejectedException {
        int start = doctypeStart(text);
        if (start < 0) {
            return new Result(text, List.of());
        }
        int[] subset = new int[] {-1, -1};
        int end = doctypeEnd(text, start, subset);
        if (end < 0) {
            throw new FeedRejectedException(Kind.MALFORMED_XML, "unterminated DOCTYPE declaration");
        }
        DoctypeGuard guard = new DoctypeGuard();
        if (subset[0] >= 0) {
            guard.readDeclarations(text.substring(subset[0], subset[1]));
        }
        String body = text.substring(0, start) + text.substring(end);
        if (guard.declared.isEmpty()) {
            return new Result(body, List.of());
        }
        int[] count = new int[1];
        String result = guard.expandReferences(body, count);
        return new Result(
                result,
                count[0] == 0
                        ? List.of()
                        : List.of("DOCTYPE entity references expanded (" + count[0] + ")"));
    }

    /** Start of a DOCTYPE in the prolog (after whitespace, comments and PIs), or -1. */
    private static int doctypeStart(String text) {
        int i = 0;
        while (i < text.length()) {
            if (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\uFEFF') {
                i++;
            } else if (text.startsWith("<?", i)) {
                int end = text.indexOf("?>", i);
                i = end < 0 ? text.length() : end + 2;
            } else if (text.startsWith("<!--", i)) {
                int end = text.indexOf("-->", i);
                i = end < 0 ? text.length() : end + 3;
            } else {
                return text.regionMatches(true, i, "<!DOCTYPE", 0, 9) ? i : -1;
            }
        }
        return -1;
    }

    /** Index just after the DOCTYPE's closing '>', or -1; fills the internal subset's bounds. */
    private static int doctypeEnd(String text, int start, int[] subset) {
        char quote = 0;
        for (int i = start + 9; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[' && subset[0] < 0) {
                subset[0] = i + 1;
                i = subsetEnd(text, i + 1);
                if (i < 0) {
                    return -1;
                }
                subset[1] = i;
            } else if (c == '>') {
                return i + 1;
            }
        }
        return -1;
    }

    private static int subsetEnd(String text, int from) {
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (text.startsWith("<!--", i)) {
                int end = text.indexOf("-->", i + 4);
                if (end < 0) {
                    return -1;
                }
                i = end + 2;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == ']') {
                return i;
            }
        }
        return -1;
    }

    private void readDeclarations(String subset) throws FeedRejectedException {
        Matcher m = ENTITY_DECL.matcher(subset);
        while (m.find()) {
            boolean parameter = m.group(1) != null;
            String name = m.group(2);
            String keyword = m.group(3);
            String first = unquote(m.group(4));
            if (keyword == null && m.group(5) == null) {
                if (parameter) {
                    throw unsafe("parameter entity '%" + name + "' is not supported");
                }
                if (!PREDEFINED.contains(name)) {
                    declared.putIfAbsent(name, first);
                }
                continue;
            }
            String id = keyword + " \"" + first + "\"";
            if (parameter && "PUBLIC".equals(keyword) && first.startsWith("-//W3C//ENTITIES ")) {
                continue; // an HTML entity set: the HTML entities are built in
            }
            if (parameter) {
                throw unsafe("external parameter entity '%" + name + "' (" + id + ") never loaded");
            }
            throw unsafe("external entity '" + name + "' (" + id + ") never resolved (XXE)");
        }
    }

    private String expandReferences(String body, int[] count) throws FeedRejectedException {
        StringBuilder out = new StringBuilder(body.length());
        int tagEnd = -1; // inside a tag up to here: an expansion must not end an attribute value
        int i = 0;
        while (i < body.length()) {
            int skip = i > tagEnd ? XmlScan.skipVerbatim(body, i) : i;
            if (skip > i) {
                out.append(body, i, skip);
                i = skip;
                continue;
            }
            char c = body.charAt(i);
            if (c == '<' && i > tagEnd && i + 1 < body.length()) {
                tagEnd = XmlScan.tagEnd(body, i + 1);
            }
            Matcher m = REFERENCE.matcher(body).region(i, body.length());
            if (c == '&' && m.lookingAt() && declared.containsKey(m.group(1))) {
                String value = expansion(m.group(1), 0);
                totalExpansion += value.length();
                if (totalExpansion > MAX_TOTAL_EXPANSION) {
                    throw unsafe(
                            "entity references expand to more than "
                                    + MAX_TOTAL_EXPANSION
                                    + " characters (entity expansion attack)");
                }
                out.append(i < tagEnd ? escapeForAttribute(value) : value);
                count[0]++;
                i = m.end();
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static String escapeForAttribute(String value) {
        return value.replace("<", "&lt;").replace("\"", "&quot;").replace("'", "&apos;");
    }

    private String expansion(String name, int depth) throws FeedRejectedException {
        String done = expanded.get(name);
        if (done != null) {
            return done;
        }
        if (depth > MAX_DEPTH) {
            throw unsafe("entities nested deeper than " + MAX_DEPTH);
        }
        if (!expanding.add(name)) {
            throw unsafe("entity '" + name + "' refers to itself");
        }
        String value = declared.get(name);
        StringBuilder out = new StringBuilder();
        Matcher m = REFERENCE.matcher(value);
        int last = 0;
        while (m.find()) {
            out.append(value, last, m.start());
            String ref = m.group(1);
            out.append(declared.containsKey(ref) ? expansion(ref, depth + 1) : m.group());
            last = m.end();
            if (out.length() > MAX_ENTITY_CHARS) {
                throw unsafe(
                        "entity '"
                                + name
                                + "' expands to more than "
                                + MAX_ENTITY_CHARS
                                + " characters (billion laughs attack)");
            }
        }
        out.append(value, last, value.length());
        expanding.remove(name);
        expanded.put(name, out.toString());
        return out.toString();
    }

    private static String unquote(String quoted) {
        return quoted.substring(1, quoted.length() - 1);
    }

    private static FeedRejectedException unsafe(String detail) {
        return new FeedRejectedException(Kind.UNSAFE_DTD, detail);
    }
}
