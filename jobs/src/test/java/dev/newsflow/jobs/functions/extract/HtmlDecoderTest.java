package dev.newsflow.jobs.functions.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HtmlDecoderTest {

    private static final String PAGE = "<html><head>%s</head><body><p>Café – Zürich</p></body>";

    @Test
    void decodesUtf8WhenNothingIsDeclared() {
        byte[] bytes = String.format(PAGE, "").getBytes(StandardCharsets.UTF_8);

        assertThat(HtmlDecoder.decode(bytes)).contains("Café – Zürich");
    }

    @Test
    void honoursAMetaCharset() {
        Charset cp1252 = Charset.forName("windows-1252");
        byte[] bytes = String.format(PAGE, "<meta charset=\"windows-1252\">").getBytes(cp1252);

        assertThat(HtmlDecoder.decode(bytes)).contains("Café – Zürich");
    }

    @Test
    void honoursAnHttpEquivContentType() {
        byte[] bytes =
                String.format(
                                PAGE,
                                "<meta http-equiv='Content-Type' content='text/html;"
                                        + " charset=ISO-8859-1'>")
                        .replace("–", "-")
                        .getBytes(StandardCharsets.ISO_8859_1);

        assertThat(HtmlDecoder.decode(bytes)).contains("Café - Zürich");
    }

    @Test
    void aByteOrderMarkWinsOverTheMetaTag() {
        String html = String.format(PAGE, "<meta charset='iso-8859-1'>");
        byte[] text = html.getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[text.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(text, 0, bytes, 2, text.length);

        assertThat(HtmlDecoder.decode(bytes)).isEqualTo(html);
    }

    @Test
    void fallsBackToUtf8ForUnknownCharsets() {
        byte[] bytes =
                String.format(PAGE, "<meta charset='no-such-charset'>")
                        .getBytes(StandardCharsets.UTF_8);

        assertThat(HtmlDecoder.decode(bytes)).contains("Café – Zürich");
    }
}
