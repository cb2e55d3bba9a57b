package dev.newsflow.jobs.functions;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Stable article ids: the first 128 bits of SHA-256 over the canonical URL, in hex. The same page
 * reached with tracking parameters, a fragment or a differently cased host gets the same id, so
 * OpenSearch upserts and Kafka keys stay idempotent.
 */
public final class ArticleIds {

    private ArticleIds() {}

    public static String idOf(String url) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(canonicalUrl(url).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    /**
     * Lower-cases scheme and host, drops the default port, the fragment and tracking parameters
     * ({@code utm_*}, {@code fbclid}, {@code gclid}). A URL that does not parse is used as is.
     */
    public static String canonicalUrl(String url) {
        try {
            URI uri = new URI(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return url.trim();
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort =
                    port == -1
                            || (scheme.equals("http") && port == 80)
                            || (scheme.equals("https") && port == 443);
            String query = uri.getRawQuery() == null ? null : withoutTracking(uri.getRawQuery());
            String path =
                    uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return scheme
                    + "://"
                    + uri.getHost().toLowerCase(Locale.ROOT)
                    + (defaultPort ? "" : ":" + port)
                    + path
                    + (query == null || query.isEmpty() ? "" : "?" + query);
        } catch (URISyntaxException e) {
            return url.trim();
        }
    }

    private static String withoutTracking(String query) {
        return Arrays.stream(query.split("&"))
                .filter(p -> !p.isEmpty())
                .filter(p -> !isTracking(p.split("=", 2)[0].toLowerCase(Locale.ROOT)))
                .collect(Collectors.joining("&"));
    }

    private static boolean isTracking(String name) {
        return name.startsWith("utm_") || name.equals("fbclid") || name.equals("gclid");
    }
}
