package dev.newsflow.jobs.functions.feeds;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a feed's bytes into text. The charset comes from, in this order (RFC 7303): a byte order
 * mark; the byte pattern of UTF-16/32 without one; the HTTP {@code Content-Type} charset; the XML
 * declaration; UTF-8. Legacy labels decode with their superset ({@link LegacyCharsets}); a Latin-1
 * label on bytes that are mostly multi-byte UTF-8 is overruled. Bytes that are not valid UTF-8
 * where UTF-8 was assumed are read as windows-1252 one by one, so an undeclared Latin-1 feed (or a
 * UTF-8 feed with a few Latin-1 bytes pasted in) keeps every character instead of failing.
 */
public final class FeedDecoder {

    /**
     * The decoded text (without byte order mark), the charset used and what was unusual about it.
     */
    public record Decoded(String text, String charset, List<String> notes) {}

    private static final Pattern XML_ENCODING =
            Pattern.compile("^\\s*<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([^\"']*)[\"']");
    private static final Pattern CONTENT_TYPE_CHARSET =
            Pattern.compile(";\\s*charset\\s*=\\s*[\"']?([^\"';\\s]+)", Pattern.CASE_INSENSITIVE);

    private FeedDecoder() {}

    public static Decoded decode(byte[] bytes, String contentType) {
        List<String> notes = new ArrayList<>();
        Decoded decoded = decodeRaw(bytes, contentType, notes);
        String text = LegacyCharsets.demoronize(decoded.text());
        if (!text.equals(decoded.text())) {
            notes.add("C1 control characters read as windows-1252");
        }
        return new Decoded(text, decoded.charset(), List.copyOf(notes));
    }

    private static Decoded decodeRaw(byte[] bytes, String contentType, List<String> notes) {
        Charset bom = byteOrderMark(bytes);
        if (bom != null) {
            int skip = bomLength(bom);
            if (bom.equals(StandardCharsets.UTF_8)) {
                return utf8(Arrays.copyOfRange(bytes, skip, bytes.length), notes);
            }
            return new Decoded(strict(bytes, skip, bom, notes), bom.name(), notes);
        }
        Charset wide = widePattern(bytes);
        if (wide != null) {
            return new Decoded(strict(bytes, 0, wide, notes), wide.name(), notes);
        }
        for (String label : List.of(httpCharset(contentType), xmlEncoding(bytes))) {
            if (label.isEmpty()) {
                continue;
            }
            Charset declared = LegacyCharsets.forLabel(label);
            if (declared == null) {
                notes.add("unknown encoding '" + label + "' ignored");
            } else if (LegacyCharsets.isWide(declared)) {
                notes.add("encoding '" + label + "' declared but the bytes are not " + label);
            } else if (declared.equals(StandardCharsets.UTF_8)) {
                return utf8(bytes, notes);
            } else if (LegacyCharsets.isLatinDefault(declared) && mostlyUtf8(bytes)) {
                // A server or tool default label on UTF-8, or UTF-8 items pasted into a Latin-1
                // template: multi-byte UTF-8 sequences are next to impossible in Latin-1 text.
                notes.add("declared '" + label + "' but the bytes are UTF-8");
                return utf8(bytes, notes);
            } else {
                return new Decoded(strict(bytes, 0, declared, notes), declared.name(), notes);
            }
        }
        return utf8(bytes, notes);
    }

    private static Decoded utf8(byte[] bytes, List<String> notes) {
        LenientUtf8 result = LenientUtf8.decode(bytes);
        if (result.invalidBytes() == 0) {
            return new Decoded(result.text(), "UTF-8", notes);
        }
        notes.add(
                "bytes not valid UTF-8 read as windows-1252"
                        + (result.invalidBytes() == 1 ? "" : " (" + result.invalidBytes() + ")"));
        return new Decoded(
                result.text(),
                result.validSequences() > 0 ? "UTF-8+windows-1252" : "windows-1252",
                notes);
    }

    /** Decodes, replacing malformed input with U+FFFD and saying so. */
    private static String strict(byte[] bytes, int offset, Charset charset, List<String> notes) {
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharsetDecoder decoder =
                charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            notes.add("bytes not valid " + charset.name() + " replaced");
            in.rewind();
            CharBuffer chars =
                    charset.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return chars.toString();
        }
    }

    static Charset byteOrderMark(byte[] b) {
        if (starts(b, 0xEF, 0xBB, 0xBF)) {
            return StandardCharsets.UTF_8;
        }
        if (starts(b, 0x00, 0x00, 0xFE, 0xFF)) {
            return Charset.forName("UTF-32BE");
        }
        if (starts(b, 0xFF, 0xFE, 0x00, 0x00)) {
            return Charset.forName("UTF-32LE");
        }
        if (starts(b, 0xFE, 0xFF)) {
            return StandardCharsets.UTF_16BE;
        }
        if (starts(b, 0xFF, 0xFE)) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static int bomLength(Charset charset) {
        return switch (charset.name()) {
            case "UTF-8" -> 3;
            case "UTF-32BE", "UTF-32LE" -> 4;
            default -> 2;
        };
    }

    /**
     * UTF-16/32 without a byte order mark: a document starts with ASCII markup or whitespace, so
     * the zero bytes around its first character give the width and the byte order away.
     */
    static Charset widePattern(byte[] b) {
        if (b.length < 4) {
            return null;
        }
        if (b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0) {
            return Charset.forName("UTF-32BE");
        }
        if (b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0) {
            return Charset.forName("UTF-32LE");
        }
        if (b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0) {
            return StandardCharsets.UTF_16BE;
        }
        if (b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static String httpCharset(String contentType) {
        if (contentType == null) {
            return "";
        }
        Matcher m = CONTENT_TYPE_CHARSET.matcher(contentType);
        return m.find() ? m.group(1) : "";
    }

    /** The encoding of the XML declaration, read as ASCII from the first bytes. */
    static String xmlEncoding(byte[] bytes) {
        String head =
                new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1);
        Matcher m = XML_ENCODING.matcher(head);
        return m.find() ? m.group(1).trim().toLowerCase(Locale.ROOT) : "";
    }

    private static boolean mostlyUtf8(byte[] bytes) {
        LenientUtf8 result = LenientUtf8.decode(bytes);
        return result.validSequences() > 0 && result.validSequences() >= result.invalidBytes();
    }
}
