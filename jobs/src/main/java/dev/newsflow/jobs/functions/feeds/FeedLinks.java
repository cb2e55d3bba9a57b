package dev.newsflow.jobs.functions.feeds;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Makes links absolute: against the {@code xml:base} in scope (each resolved against its parent's,
 * the outermost against the feed URL), and, when that gives no absolute http(s) base, against a
 * fallback such as the feed's own link. Only http and https links are kept; a base with another
 * scheme (javascript:) is ignored.
 */
final class FeedLinks {

    private FeedLinks() {}

    /** The base URI in scope at {@code element}: its xml:base chain over the document base. */
    static URI baseOf(Element element, URI documentBase) {
        Deque<String> chain = new ArrayDeque<>();
        for (Element e = element; e != null; e = e.getParentElement()) {
            String base = e.getAttributeValue("base", Namespace.XML_NAMESPACE);
            if (base != null && !base.isBlank()) {
                chain.push(base);
            }
        }
        URI current = documentBase;
        for (String base : chain) {
            URI uri = parse(base);
            URI resolved = uri == null ? null : resolve(current, uri);
            if (resolved != null && isHttp(resolved)) {
                current = withoutFragment(resolved);
            }
        }
        return current;
    }

    /**
     * The absolute http(s) form of {@code raw}, resolved against the first base that makes it
     * absolute, or null.
     */
    static String absolute(String raw, URI... bases) {
        URI uri = parse(raw);
        if (uri == null) {
            return null;
        }
        if (uri.getScheme() != null) {
            return isHttp(uri) ? uri.toString() : null;
        }
        for (URI base : bases) {
            URI resolved = resolve(base, uri);
            if (resolved != null && isHttp(resolved)) {
                return resolved.toString();
            }
        }
        return null;
    }

    /** Parses a URI leniently: trims, drops line breaks, escapes spaces and ASCII it forbids. */
    static URI parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.strip().replaceAll("[\\r\\n\\t]", "");
        // "http:///host/" (one slash too many) is a common slip; the host is what was meant.
        text = text.replaceFirst("^(?i)(https?):/{3,}", "$1://");
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == ' ' || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`'
                    || c == '{' || c == '|' || c == '}' || c < 0x20 || c == 0x7F) {
                escaped.append(String.format("%%%02X", (int) c));
            } else {
                escaped.append(c);
            }
        }
        try {
            URI uri = new URI(escaped.toString());
            if (uri.getScheme() != null && isHttp(uri) && (uri.getHost() == null)) {
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static URI resolve(URI base, URI reference) {
        if (reference.getScheme() != null) {
            return reference;
        }
        if (base == null || base.getScheme() == null || base.isOpaque()) {
            return null;
        }
        if (base.getRawPath() == null || base.getRawPath().isEmpty()) {
            // java.net.URI resolves "x" against "http://host" to "http://hostx" (JDK-4666701).
            base = base.resolve("/");
        }
        try {
            return base.resolve(reference);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static URI withoutFragment(URI uri) {
        if (uri.getRawFragment() == null) {
            return uri;
        }
        String s = uri.toString();
        return URI.create(s.substring(0, s.indexOf('#')));
    }

    static boolean isHttp(URI uri) {
        String scheme = uri.getScheme();
        if (scheme == null) {
            return false;
        }
        String lower = scheme.toLowerCase(Locale.ROOT);
        return lower.equals("http") || lower.equals("https");
    }
}
