package dev.newsflow.jobs.functions.fetch;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Locale;

/**
 * The parts of a {@code Content-Type} header the fetcher needs.
 *
 * @param type lower case, without parameters; null when the header is missing or blank
 * @param charset the {@code charset} parameter when this JVM supports it, else null
 */
record MediaType(String type, Charset charset) {

    static MediaType parse(String header) {
        if (header == null || header.isBlank()) {
            return new MediaType(null, null);
        }
        String[] parts = header.split(";");
        String type = parts[0].trim().toLowerCase(Locale.ROOT);
        Charset charset = null;
        for (int i = 1; i < parts.length && charset == null; i++) {
            String param = parts[i].trim();
            int eq = param.indexOf('=');
            if (eq > 0 && param.substring(0, eq).trim().equalsIgnoreCase("charset")) {
                charset = charset(unquote(param.substring(eq + 1).trim()));
            }
        }
        return new MediaType(type.isEmpty() ? null : type, charset);
    }

    private static Charset charset(String name) {
        try {
            return Charset.isSupported(name) ? Charset.forName(name) : null;
        } catch (IllegalCharsetNameException e) {
            return null;
        }
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
