package dev.newsflow.jobs.functions.extract;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes an HTML page's bytes: a byte-order mark wins, then a {@code <meta charset>} or {@code
 * http-equiv} content type in the first 4 KB, else UTF-8. For pages read from disk, where no HTTP
 * header names the charset.
 */
public final class HtmlDecoder {

    private static final int SNIFF_BYTES = 4096;
    private static final Pattern META_CHARSET =
            Pattern.compile(
                    "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)",
                    Pattern.CASE_INSENSITIVE);

    private HtmlDecoder() {}

    /** The page as text. */
    public static String decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        return new String(bytes, declaredCharset(bytes));
    }

    /** The charset a meta tag declares, UTF-8 when none or an unknown one is declared. */
    static Charset declaredCharset(byte[] bytes) {
        // Meta tags are ASCII in every charset an HTML page may declare, so Latin-1 reads them.
        String head =
                new String(
                        bytes, 0, Math.min(bytes.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (m.find()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            // A page that reached us as bytes and claims UTF-16 is ASCII-compatible in practice
            // (the HTML standard says to read such a declaration as UTF-8).
            if (name.startsWith("utf-16")) {
                return StandardCharsets.UTF_8;
            }
            try {
                if (Charset.isSupported(name)) {
                    return Charset.forName(name);
                }
            } catch (IllegalArgumentException unknown) {
                // An illegal charset name: fall through to the default.
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
