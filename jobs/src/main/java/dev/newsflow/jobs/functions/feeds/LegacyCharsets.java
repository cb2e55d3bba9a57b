package dev.newsflow.jobs.functions.feeds;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Charset labels as feeds write them, mapped the way browsers do (WHATWG Encoding): a label of a
 * legacy charset decodes with its superset (ISO-8859-1 and ASCII as windows-1252, GB2312 as
 * GB18030, Shift_JIS as windows-31j...), because feeds labelled with the subset routinely contain
 * the superset's characters (curly quotes from windows-1252 in "ISO-8859-1" feeds).
 */
final class LegacyCharsets {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** windows-1252 characters for bytes 0x80-0x9F; 0 where the byte is undefined. */
    private static final char[] CP1252_HIGH = {
        '\u20AC', 0, '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', '\u02C6', '\u2030',
        '\u0160', '\u2039', '\u0152', 0, '\u017D', 0, 0, '\u2018', '\u2019', '\u201C', '\u201D',
        '\u2022', '\u2013', '\u2014', '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', 0, '\u017E',
        '\u0178'
    };

    private static final Map<String, String> SUPERSETS =
            Map.ofEntries(
                    Map.entry("iso-8859-1", "windows-1252"),
                    Map.entry("iso8859-1", "windows-1252"),
                    Map.entry("iso_8859-1", "windows-1252"),
                    Map.entry("latin1", "windows-1252"),
                    Map.entry("latin-1", "windows-1252"),
                    Map.entry("l1", "windows-1252"),
                    Map.entry("us-ascii", "windows-1252"),
                    Map.entry("ascii", "windows-1252"),
                    Map.entry("cp1252", "windows-1252"),
                    Map.entry("iso-8859-9", "windows-1254"),
                    Map.entry("iso-8859-11", "x-windows-874"),
                    Map.entry("tis-620", "x-windows-874"),
                    Map.entry("gb2312", "GB18030"),
                    Map.entry("gbk", "GB18030"),
                    Map.entry("x-gbk", "GB18030"),
                    Map.entry("big5", "Big5-HKSCS"),
                    Map.entry("shift_jis", "windows-31j"),
                    Map.entry("shift-jis", "windows-31j"),
                    Map.entry("sjis", "windows-31j"),
                    Map.entry("x-sjis", "windows-31j"),
                    Map.entry("euc-kr", "x-windows-949"),
                    Map.entry("ks_c_5601-1987", "x-windows-949"),
                    Map.entry("utf8", "UTF-8"));

    private LegacyCharsets() {}

    /** The charset to decode a label with, or null when the label names no supported charset. */
    static Charset forLabel(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String key = label.trim().toLowerCase(Locale.ROOT);
        String superset = SUPERSETS.get(key);
        if (superset != null && Charset.isSupported(superset)) {
            return Charset.forName(superset);
        }
        try {
            return Charset.isSupported(key) ? Charset.forName(key) : null;
        } catch (IllegalCharsetNameException e) {
            return null;
        }
    }

    static boolean isWide(Charset charset) {
        String name = charset.name().toUpperCase(Locale.ROOT);
        return name.startsWith("UTF-16") || name.startsWith("UTF-32") || name.equals("UTF-32");
    }

    /** True for the single-byte Latin charsets that servers and tools use as a default label. */
    static boolean isLatinDefault(Charset charset) {
        return charset.equals(WINDOWS_1252)
                || charset.equals(StandardCharsets.ISO_8859_1)
                || charset.equals(StandardCharsets.US_ASCII);
    }

    /** The windows-1252 reading of one byte (0x00-0xFF); undefined bytes keep their code. */
    static char cp1252(int b) {
        if (b >= 0x80 && b <= 0x9F && CP1252_HIGH[b - 0x80] != 0) {
            return CP1252_HIGH[b - 0x80];
        }
        return (char) b;
    }

    /**
     * Replaces C1 control characters (U+0080-U+009F), which never belong in feed text but appear
     * when windows-1252 bytes were decoded as ISO-8859-1 upstream, by their windows-1252 meaning.
     * Returns the input itself when there is nothing to replace.
     */
    static String demoronize(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && c <= 0x9F && cp1252(c) != c) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                out.append(cp1252(c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
