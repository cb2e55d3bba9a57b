package dev.newsflow.jobs.functions.ingest;

import dev.newsflow.jobs.functions.ArticleIds;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Identity of feed items. An item's link is resolved against the feed URL and canonicalised ({@link
 * ArticleIds#canonicalUrl}: tracking parameters and fragment removed). An item is known by two
 * 64-bit fingerprints, of its guid and of its canonical link: a feed that changes guids on every
 * fetch is still de-duplicated by link, and one that changes links by guid.
 */
public final class ItemKeys {

    private ItemKeys() {}

    /**
     * The canonical absolute http(s) link of an item, or null when it has none or it is not
     * http(s).
     */
    public static String canonicalLink(String feedUrl, String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            URI resolved = URI.create(feedUrl.trim()).resolve(link.trim());
            String scheme = resolved.getScheme();
            if (scheme == null
                    || resolved.getHost() == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return null;
            }
            return ArticleIds.canonicalUrl(resolved.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The fingerprints an item is known by: of its guid and its canonical link, when present. */
    public static List<Long> fingerprints(String guid, String canonicalLink) {
        List<Long> keys = new ArrayList<>(2);
        if (guid != null && !guid.isBlank()) {
            keys.add(fingerprint("guid:" + guid.trim()));
        }
        if (canonicalLink != null) {
            keys.add(fingerprint("link:" + canonicalLink));
        }
        return keys;
    }

    /** The host of a URL in lower case, or the empty string when it has none. */
    public static String host(String url) {
        try {
            String host = URI.create(url.trim()).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    static long fingerprint(String key) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(key.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
