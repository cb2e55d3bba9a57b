package dev.newsflow.jobs.functions.feeds;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 decoding that never fails: each byte that does not start a valid UTF-8 sequence is read as
 * windows-1252. Counts both, so callers can tell UTF-8, Latin-1 and a mix apart ({@code
 * validSequences} is only known to be positive, not exact, when all of the input is valid).
 */
record LenientUtf8(String text, int validSequences, int invalidBytes) {

    static LenientUtf8 decode(byte[] b) {
        try {
            // The common case, valid UTF-8, at the speed of the JDK's decoder.
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b)).toString();
            return new LenientUtf8(text, b.length - text.length(), 0);
        } catch (CharacterCodingException e) {
            return decodeMixed(b);
        }
    }

    private static LenientUtf8 decodeMixed(byte[] b) {
        StringBuilder out = new StringBuilder(b.length);
        int valid = 0;
        int invalid = 0;
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                out.append((char) c);
                i++;
                continue;
            }
            int length = sequenceLength(b, i);
            if (length == 0) {
                out.append(LegacyCharsets.cp1252(c));
                invalid++;
                i++;
                continue;
            }
            int codePoint = c & (0xFF >> (length + 1));
            for (int k = 1; k < length; k++) {
                codePoint = (codePoint << 6) | (b[i + k] & 0x3F);
            }
            out.appendCodePoint(codePoint);
            valid++;
            i += length;
        }
        return new LenientUtf8(out.toString(), valid, invalid);
    }

    /** Length of the valid multi-byte sequence at {@code i}, or 0 (RFC 3629 table). */
    private static int sequenceLength(byte[] b, int i) {
        int c = b[i] & 0xFF;
        int length;
        int min2 = 0x80;
        int max2 = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0) {
                min2 = 0xA0; // overlong
            } else if (c == 0xED) {
                max2 = 0x9F; // surrogates
            }
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0) {
                min2 = 0x90;
            } else if (c == 0xF4) {
                max2 = 0x8F;
            }
        } else {
            return 0;
        }
        if (i + length > b.length) {
            return 0;
        }
        int second = b[i + 1] & 0xFF;
        if (second < min2 || second > max2) {
            return 0;
        }
        for (int k = 2; k < length; k++) {
            int next = b[i + k] & 0xFF;
            if (next < 0x80 || next > 0xBF) {
                return 0;
            }
        }
        return length;
    }
}
