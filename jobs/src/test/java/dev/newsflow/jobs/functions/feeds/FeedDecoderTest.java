package dev.newsflow.jobs.functions.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FeedDecoderTest {

    private static final String DOC =
            "<rss><title>Gr\u00fc\u00dfe \u2013 \u65b0\u805e</title></rss>";

    @Test
    void byteOrderMarksGiveTheCharsetAndAreDropped() {
        assertDecoded(bom(0xEF, 0xBB, 0xBF, DOC.getBytes(StandardCharsets.UTF_8)), "UTF-8");
        assertDecoded(bom(0xFE, 0xFF, DOC.getBytes(StandardCharsets.UTF_16BE)), "UTF-16BE");
        assertDecoded(bom(0xFF, 0xFE, DOC.getBytes(StandardCharsets.UTF_16LE)), "UTF-16LE");
        assertDecoded(
                bom(0x00, 0x00, 0xFE, 0xFF, DOC.getBytes(Charset.forName("UTF-32BE"))), "UTF-32BE");
        assertDecoded(
                bom(0xFF, 0xFE, 0x00, 0x00, DOC.getBytes(Charset.forName("UTF-32LE"))), "UTF-32LE");
    }

    @Test
    void utf16WithoutAByteOrderMarkIsRecognisedByItsZeroBytes() {
        assertDecoded(DOC.getBytes(StandardCharsets.UTF_16LE), "UTF-16LE");
        assertDecoded(DOC.getBytes(StandardCharsets.UTF_16BE), "UTF-16BE");
    }

    @Test
    void theXmlDeclarationNamesALegacyCharset() {
        String doc = "<?xml version='1.0' encoding='big5'?><rss><title>\u65b0\u805e</title></rss>";

        FeedDecoder.Decoded decoded =
                FeedDecoder.decode(doc.getBytes(Charset.forName("Big5")), null);

        assertThat(decoded.text()).isEqualTo(doc);
        assertThat(decoded.charset()).isEqualTo("Big5-HKSCS");
        assertThat(decoded.notes()).isEmpty();
    }

    @Test
    void theHttpCharsetComesBeforeTheXmlDeclarationButNotBeforeAByteOrderMark() {
        String doc =
                "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><title>\u00e9t\u00e9</title></rss>";
        byte[] latin = doc.getBytes(StandardCharsets.ISO_8859_1);

        assertThat(FeedDecoder.decode(latin, "text/xml; charset=\"ISO-8859-1\"").text())
                .isEqualTo(doc);
        assertThat(
                        FeedDecoder.decode(
                                        bom(0xEF, 0xBB, 0xBF, doc.getBytes(StandardCharsets.UTF_8)),
                                        "text/xml; charset=iso-8859-1")
                                .text())
                .isEqualTo(doc);
    }

    @Test
    void aLatinDefaultLabelOnUtf8BytesIsOverruled() {
        FeedDecoder.Decoded decoded =
                FeedDecoder.decode(
                        DOC.getBytes(StandardCharsets.UTF_8), "text/xml; charset=ISO-8859-1");

        assertThat(decoded.text()).isEqualTo(DOC);
        assertThat(decoded.notes())
                .containsExactly("declared 'ISO-8859-1' but the bytes are UTF-8");
    }

    @Test
    void utf8ItemsInALatin1TemplateAreReadAsUtf8() {
        byte[] latinHead =
                "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><d>bes\u00f8g</d>"
                        .getBytes(StandardCharsets.ISO_8859_1);
        byte[] utf8Items =
                "<t>Br\u00f8ndby</t><t>f\u00e5et</t></rss>".getBytes(StandardCharsets.UTF_8);

        FeedDecoder.Decoded decoded = FeedDecoder.decode(bom(latinHead, utf8Items), null);

        assertThat(decoded.text())
                .endsWith("<d>bes\u00f8g</d><t>Br\u00f8ndby</t><t>f\u00e5et</t></rss>");
        assertThat(decoded.notes())
                .containsExactly(
                        "declared 'iso-8859-1' but the bytes are UTF-8",
                        "bytes not valid UTF-8 read as windows-1252");
    }

    @Test
    void aLatin1FeedWithAnOddUtf8LookalikeStaysLatin1() {
        String text =
                "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><t>\u00dc\u201d \u00e9t\u00e9 \u00e0 \u00fc</t>";

        FeedDecoder.Decoded decoded =
                FeedDecoder.decode(text.getBytes(Charset.forName("windows-1252")), null);

        assertThat(decoded.text()).isEqualTo(text);
        assertThat(decoded.charset()).isEqualTo("windows-1252");
    }

    @Test
    void invalidUtf8BytesAreReadAsWindows1252OneByOne() {
        byte[] mixed = {
            '<',
            'a',
            '>',
            (byte) 0xD1,
            (byte) 0xA8,
            ' ',
            'E',
            's',
            'p',
            'a',
            (byte) 0xF1,
            'a',
            ' ',
            (byte) 0x93,
            'q',
            (byte) 0x94,
            '<',
            '/',
            'a',
            '>'
        };

        FeedDecoder.Decoded decoded = FeedDecoder.decode(mixed, null);

        assertThat(decoded.text()).isEqualTo("<a>\u0468 Espa\u00f1a \u201cq\u201d</a>");
        assertThat(decoded.charset()).isEqualTo("UTF-8+windows-1252");
        assertThat(decoded.notes())
                .containsExactly("bytes not valid UTF-8 read as windows-1252 (3)");
    }

    @Test
    void anUnknownOrImpossibleDeclarationIsIgnoredWithANote() {
        byte[] bogus =
                "<?xml version=\"1.0\" encoding=\"bogus\"?><rss/>".getBytes(StandardCharsets.UTF_8);
        byte[] wide =
                "<?xml version=\"1.0\" encoding=\"utf-16\"?><rss/>"
                        .getBytes(StandardCharsets.UTF_8);

        assertThat(FeedDecoder.decode(bogus, null).notes())
                .containsExactly("unknown encoding 'bogus' ignored");
        assertThat(FeedDecoder.decode(wide, null).notes())
                .containsExactly("encoding 'utf-16' declared but the bytes are not utf-16");
        assertThat(FeedDecoder.decode(wide, null).charset()).isEqualTo("UTF-8");
    }

    private static void assertDecoded(byte[] bytes, String charset) {
        FeedDecoder.Decoded decoded = FeedDecoder.decode(bytes, null);
        assertThat(decoded.text()).isEqualTo(DOC);
        assertThat(decoded.charset()).isEqualTo(charset);
    }

    private static byte[] bom(Object... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof Integer b) {
                out.write(b);
            } else {
                out.writeBytes((byte[]) part);
            }
        }
        return out.toByteArray();
    }
}
