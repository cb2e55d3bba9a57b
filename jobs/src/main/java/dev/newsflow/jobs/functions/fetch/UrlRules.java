package dev.newsflow.jobs.functions.fetch;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The checks on a URL before any lookup or connection, applied to the first URL and to every
 * redirect target: http(s) only, a host, and no user info (credentials in URLs leak into logs and
 * make {@code http://trusted@evil/} look like {@code trusted}).
 */
final class UrlRules {

    private UrlRules() {}

    /** Why {@code uri} may not be fetched, or empty. */
    static Optional<String> refusal(URI uri) {
        if (!uri.isAbsolute()) {
            return Optional.of("not an absolute URL");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("scheme " + scheme + " is not http or https");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("URL carries user info");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("URL has no valid host");
        }
        return Optional.empty();
    }

    /** The URI for messages and logs, without user info. */
    static String display(URI uri) {
        String text = uri.toString();
        String userInfo = uri.getRawUserInfo();
        return userInfo == null ? text : text.replace(userInfo + "@", "");
    }

    /**
     * Resolves a {@code Location} header against the URI that answered with it. A base without a
     * path gets "/" first: {@code URI.resolve} would otherwise glue a relative path to the host.
     */
    static URI resolveRedirect(URI base, String location) {
        URI effectiveBase =
                base.getRawPath() == null || base.getRawPath().isEmpty() ? base.resolve("/") : base;
        return effectiveBase.resolve(URI.create(location.trim()));
    }
}
