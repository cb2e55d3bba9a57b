package dev.newsflow.jobs.functions.stories;

import java.util.Locale;
import java.util.Map;

/**
 * Looks up how authoritative a source is. Sources are publisher hosts or names; a configured host
 * also covers its subdomains, so {@code apnews.com} rates {@code www.apnews.com} and {@code
 * hosted.apnews.com}.
 */
public final class SourceAuthority {

    private SourceAuthority() {}

    /** The configured authority of {@code source}, or {@code fallback} when none matches. */
    public static double of(String source, Map<String, Double> authority, double fallback) {
        if (source == null || authority.isEmpty()) {
            return fallback;
        }
        String name = host(source.trim().toLowerCase(Locale.ROOT));
        while (true) {
            Double value = authority.get(name);
            if (value != null) {
                return value;
            }
            int dot = name.indexOf('.');
            // Stop before the bare top-level domain: "com" rates nothing.
            if (dot < 0 || name.indexOf('.', dot + 1) < 0) {
                return fallback;
            }
            name = name.substring(dot + 1);
        }
    }

    /** "https://www.example.com/path" → "www.example.com"; anything else unchanged. */
    private static String host(String source) {
        int scheme = source.indexOf("://");
        String rest = scheme >= 0 ? source.substring(scheme + 3) : source;
        int slash = rest.indexOf('/');
        return slash >= 0 ? rest.substring(0, slash) : rest;
    }
}
