package dev.newsflow.jobs.functions.feeds;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The lenient pass, used only when a document is not well-formed: one scan that keeps comments,
 * CDATA and processing instructions as they are and repairs what real feeds get wrong. Junk before
 * the root element and after it goes; HTML entities become character references; bare ampersands,
 * stray '&lt;' and characters XML forbids are escaped or dropped; attributes get quotes; undeclared
 * namespace prefixes are declared on the root; end tags are balanced (a missing one is closed where
 * its parent closes, a stray one is dropped, a truncated document is closed).
 */
final class XmlRepair {

    record Result(String text, List<String> repairs) {}

    private static final Set<String> ENTRY_TAGS = Set.of("item", "entry", "rss:item", "atom:entry");
    private static final Set<String> CONTAINERS = Set.of("channel", "rss", "RDF", "feed");

    private final String text;
    private final StringBuilder out;
    private final XmlScan.Log log = new XmlScan.Log();
    private final Deque<String> open = new ArrayDeque<>();
    private final Set<String> prefixesUsed = new HashSet<>();
    private final Set<String> prefixesDeclared = new HashSet<>();
    private int rootNameEnd = -1;
    private boolean rootClosed;

    private XmlRepair(String text) {
        this.text = text;
        this.out = new StringBuilder(text.length() + 64);
    }

    static Result repair(String text) {
        XmlRepair repair = new XmlRepair(text);
        repair.scan();
        return new Result(repair.out.toString(), repair.log.notes());
    }

    private void scan() {
        int n = text.length();
        int i = 0;
        while (i < n && !rootClosed) {
            char c = text.charAt(i);
            if (c == '<') {
                i = markup(i);
            } else if (rootNameEnd < 0) {
                int next = text.indexOf('<', i);
                next = next < 0 ? n : next;
                if (!text.substring(i, next).isBlank()) {
                    log.add("text before the root element removed");
                }
                i = next;
            } else if (c == '&') {
                i = XmlScan.reference(text, i, out, log);
            } else if (text.startsWith("]]>", i)) {
                out.append("]]&gt;");
                log.add("']]>' in text escaped");
                i += 3;
            } else {
                int next = i + Character.charCount(text.codePointAt(i));
                XmlScan.appendXmlChars(text, i, next, out, log);
                i = next;
            }
        }
        if (rootClosed && !text.substring(i).isBlank() && XmlScan.hasContent(text.substring(i))) {
            log.add("content after the root element removed");
        }
        if (!open.isEmpty()) {
            log.add("unclosed elements closed at the end of the document");
            while (!open.isEmpty()) {
                out.append("</").append(open.pop()).append('>');
            }
        }
        declareMissingPrefixes();
    }

    private int markup(int i) {
        int verbatimEnd = XmlScan.skipVerbatim(text, i);
        if (verbatimEnd > i) {
            return verbatim(i, verbatimEnd);
        }
        if (text.startsWith("</", i)) {
            return endTag(i);
        }
        if (i + 1 < text.length() && XmlScan.isNameStart(text.charAt(i + 1))) {
            return startTag(i);
        }
        if (text.startsWith("<!", i)) {
            int end = text.indexOf('>', i);
            log.add("markup declarations removed");
            return end < 0 ? text.length() : end + 1;
        }
        if (rootNameEnd >= 0) {
            out.append("&lt;");
            log.add("stray '<' escaped");
        }
        return i + 1;
    }

    private int verbatim(int i, int end) {
        boolean pi = text.startsWith("<?", i);
        if (pi
                && text.regionMatches(true, i, "<?xml", 0, 5)
                && (end - i == 5 || !XmlScan.isNameChar(text.charAt(i + 5)))) {
            if (!text.substring(0, i).isBlank()) {
                log.add("XML declaration not at the start removed");
            }
            return end; // the text is decoded already: the declaration has nothing left to say
        }
        if (rootNameEnd < 0 && text.startsWith("<![CDATA[", i)) {
            log.add("text before the root element removed");
            return end;
        }
        String close = pi ? "?>" : text.startsWith("<!--", i) ? "-->" : "]]>";
        boolean terminated =
                text.startsWith(close, end - close.length()) && end - i > close.length();
        XmlScan.appendXmlChars(text, i, end, out, log);
        if (!terminated) {
            out.append(close);
            log.add("unterminated comment, CDATA or PI closed");
        }
        return end;
    }

    private int endTag(int i) {
        int end = XmlScan.tagEnd(text, i + 2);
        String name = text.substring(i + 2, end).trim();
        int next = end < text.length() && text.charAt(end) == '>' ? end + 1 : end;
        if (next == end) {
            log.add("unterminated tags completed");
        }
        String match = null;
        for (String candidate : open) {
            if (candidate.equals(name) || candidate.equalsIgnoreCase(name)) {
                match = candidate;
                break;
            }
        }
        if (match == null) {
            log.add("stray end tags removed");
            return next;
        }
        while (!open.peek().equals(match)) {
            out.append("</").append(open.pop()).append('>');
            log.add("unclosed elements closed by their parent");
        }
        out.append("</").append(open.pop()).append('>');
        rootClosed = open.isEmpty();
        return next;
    }

    private int startTag(int i) {
        int end = XmlScan.tagEnd(text, i + 1);
        boolean terminated = end < text.length() && text.charAt(end) == '>';
        if (!terminated) {
            log.add("unterminated tags completed");
        }
        StartTag tag = StartTag.parse(text.substring(i + 1, end), log);
        if (ENTRY_TAGS.contains(tag.name())) {
            closeToContainer();
        }
        prefixesUsed.addAll(tag.prefixesUsed());
        prefixesDeclared.addAll(tag.prefixesDeclared());
        out.append('<');
        if (rootNameEnd < 0) {
            rootNameEnd = out.length() + tag.name().length();
        }
        out.append(tag.markup()).append('>');
        if (tag.selfClosing()) {
            rootClosed = open.isEmpty();
        } else {
            open.push(tag.name());
        }
        return terminated ? end + 1 : end;
    }

    /**
     * An item or entry starts: what is still open inside the previous one, or inside the channel
     * (an unclosed element before the first item), closes first, so that items stay siblings.
     */
    private void closeToContainer() {
        int above = 0;
        for (String name : open) {
            if (CONTAINERS.contains(name.substring(name.indexOf(':') + 1))) {
                for (int k = 0; k < above; k++) {
                    out.append("</").append(open.pop()).append('>');
                    log.add("unclosed elements closed before the next item");
                }
                return;
            }
            above++;
        }
    }

    private void declareMissingPrefixes() {
        if (rootNameEnd < 0) {
            return;
        }
        StringBuilder declarations = new StringBuilder();
        for (Iterator<String> it = prefixesUsed.stream().sorted().iterator(); it.hasNext(); ) {
            String prefix = it.next();
            if (!prefixesDeclared.contains(prefix)) {
                declarations
                        .append(" xmlns:")
                        .append(prefix)
                        .append("=\"")
                        .append(KnownNamespaces.uriFor(prefix))
                        .append('"');
                log.add("undeclared namespace prefixes declared");
            }
        }
        out.insert(rootNameEnd, declarations);
    }
}
