package dev.newsflow.jobs.functions.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.jobs.functions.feeds.FeedRejectedException.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and hopeless documents: each is rejected with its reason or defused, never read. */
class FeedParserSecurityTest {

    private static final String SECRET = "NEWSFLOW-SECRET-7f3a";

    private final FeedParser parser = new FeedParser();

    @TempDir Path dir;

    @Test
    void anExternalEntityIsRejectedAsXxe() {
        String xxe =
                """
                <?xml version="1.0"?>
                <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
                <rss version="2.0"><channel><title>&xxe;</title></channel></rss>
                """;

        assertThatThrownBy(() -> parse(xxe))
                .isInstanceOfSatisfying(
                        FeedRejectedException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.UNSAFE_DTD))
                .hasMessage(
                        "unsafe DTD: external entity 'xxe' (SYSTEM \"file:///etc/passwd\")"
                                + " never resolved (XXE)");
    }

    @Test
    void anExternalParameterEntityIsRejected() throws Exception {
        Path evil = write("evil.dtd", "<!ENTITY leak \"" + SECRET + "\">");
        String oob =
                "<!DOCTYPE rss [ <!ENTITY % ext SYSTEM \""
                        + evil.toUri()
                        + "\"> %ext; ]>"
                        + "<rss version=\"2.0\"><channel><title>&leak;</title></channel></rss>";

        assertThatThrownBy(() -> parse(oob))
                .isInstanceOf(FeedRejectedException.class)
                .hasMessageContaining("external parameter entity '%ext'")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void anExternalDtdIsNeverLoaded() throws Exception {
        Path dtd = write("feed.dtd", "<!ENTITY leak \"" + SECRET + "\">");
        String doc =
                "<!DOCTYPE rss SYSTEM \""
                        + dtd.toUri()
                        + "\">"
                        + "<rss version=\"2.0\"><channel><title>x&leak;y</title></channel></rss>";

        ParsedFeed feed = parse(doc);

        assertThat(feed.title()).isEqualTo("x&leak;y").doesNotContain(SECRET);
    }

    @Test
    void billionLaughsIsRejectedBeforeItExpands() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE rss [ <!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            dtd.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String bomb = dtd + "]><rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>";

        assertThatThrownBy(() -> parse(bomb))
                .isInstanceOf(FeedRejectedException.class)
                .hasMessageStartingWith("unsafe DTD: entity 'lol")
                .hasMessageContaining("billion laughs");
    }

    @Test
    void manyReferencesToOneLargeEntityAreRejected() {
        String big = "x".repeat(60_000);
        String doc =
                "<!DOCTYPE rss [<!ENTITY big \""
                        + big
                        + "\">]><rss version=\"2.0\"><channel>"
                        + "<title>"
                        + "&big;".repeat(20)
                        + "</title></channel></rss>";

        assertThatThrownBy(() -> parse(doc))
                .isInstanceOf(FeedRejectedException.class)
                .hasMessageContaining("entity references expand to more than");
    }

    @Test
    void internalEntitiesWithinLimitsAreExpanded() throws Exception {
        String doc =
                """
                <!DOCTYPE rss [ <!ENTITY site "tag:example.com,"> <!ENTITY id "&site;2006:/blog/"> ]>
                <rss version="2.0"><channel><title>T</title>
                  <item><guid isPermaLink="false">&id;</guid></item></channel></rss>
                """;

        ParsedFeed feed = parse(doc);

        assertThat(feed.items().get(0).guid()).isEqualTo("tag:example.com,2006:/blog/");
    }

    @Test
    void theNetscapeRss091DoctypeIsIgnoredAndItsEntitiesAreBuiltIn() throws Exception {
        String doc =
                """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
                  "http://my.netscape.com/publish/formats/rss-0.91.dtd">
                <rss version="0.91"><channel><title>Caf&eacute;</title>
                  <item><title>One</title><link>http://x.example/1</link></item></channel></rss>
                """;

        ParsedFeed feed = parse(doc);

        assertThat(feed.title()).isEqualTo("Caf\u00e9");
        assertThat(feed.items()).extracting(FeedItem::link).containsExactly("http://x.example/1");
    }

    @Test
    void deepNestingIsRejectedBeforeRecursiveCodeSeesIt() {
        String deep =
                "<rss version=\"2.0\"><channel><title>D</title><item><description>"
                        + "<x>".repeat(5000)
                        + "</x>".repeat(5000)
                        + "</description></item></channel></rss>";

        assertThatThrownBy(() -> parse(deep))
                .hasMessage("too large: elements nested deeper than " + SecureXml.MAX_DEPTH);
    }

    @Test
    void anHtmlPageIsNotAFeed() {
        String html =
                "<!DOCTYPE html><html><head><title>We're Sorry</title></head>"
                        + "<body><p>Try later<br></body></html>";

        assertThatThrownBy(() -> parse(html))
                .isInstanceOfSatisfying(
                        FeedRejectedException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.HTML_PAGE))
                .hasMessage("not a feed: HTML page: titled 'We're Sorry'");
    }

    @Test
    void emptyInputsAreRejectedWithWhatWasThere() {
        assertThatThrownBy(() -> parser.parse(new byte[0], null, null))
                .hasMessage("empty document: 0 bytes");
        assertThatThrownBy(() -> parse(" \n\t ")).hasMessage("empty document: only whitespace");
        assertThatThrownBy(() -> parse("<?xml version=\"1.0\"?>\n<!-- nothing -->\n"))
                .hasMessage("empty document: no XML element (only comments or text)");
    }

    @Test
    void xmlThatIsNoFeedNamesItsRoot() {
        assertThatThrownBy(() -> parse("<note xmlns=\"urn:x\"><to>you</to></note>"))
                .hasMessage("not a feed: unknown root element <note> in namespace urn:x");
    }

    @Test
    void xmlThatNoRepairCanSaveIsMalformedWithTheParsersMessage() {
        assertThatThrownBy(() -> parse("<rss xmlns:a=\"\"><channel><a:x/></channel></rss>"))
                .isInstanceOfSatisfying(
                        FeedRejectedException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED_XML))
                .hasMessageStartingWith("malformed XML: ")
                .hasMessageEndingWith("(not repairable)");
    }

    private ParsedFeed parse(String xml) throws Exception {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), null, null);
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }
}
