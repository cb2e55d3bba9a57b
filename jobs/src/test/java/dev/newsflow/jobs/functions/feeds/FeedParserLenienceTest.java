package dev.newsflow.jobs.functions.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Documents that are not well-formed but that real feeds serve, read with a repair. */
class FeedParserLenienceTest {

    private final FeedParser parser = new FeedParser();

    @Test
    void whitespaceBeforeTheXmlDeclaration() throws Exception {
        ParsedFeed feed =
                parse(
                        "\n\n   <?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Spaced"
                                + "</title><item><title>One</title></item></channel></rss>");

        assertThat(feed.title()).isEqualTo("Spaced");
        assertThat(feed.items()).hasSize(1);
        assertThat(feed.repairs()).containsExactly("whitespace before the XML declaration removed");
    }

    @Test
    void undeclaredHtmlEntitiesBecomeCharacters() throws Exception {
        ParsedFeed feed =
                parse(
                        "<rss version=\"2.0\"><channel><title>Caf&eacute;&nbsp;news &mdash; daily"
                                + "</title><item><title>Cr&egrave;me &amp; more&hellip;</title></item>"
                                + "</channel></rss>");

        assertThat(feed.title()).isEqualTo("Caf\u00e9 news \u2014 daily");
        assertThat(feed.items().get(0).title()).isEqualTo("Cr\u00e8me & more\u2026");
        assertThat(feed.repairs()).containsExactly("undeclared HTML entities replaced (5)");
    }

    @Test
    void entitiesInsideCdataAreLeftAlone() throws Exception {
        ParsedFeed feed =
                parse(
                        "<rss version=\"2.0\"><channel><title>T &copy;</title><item><title>"
                                + "<![CDATA[Fish &chips; <b>bold</b>]]></title></item></channel></rss>");

        assertThat(feed.items().get(0).title()).isEqualTo("Fish &chips; bold");
    }

    @Test
    void trailingJunkAfterTheRootElementIsCut() throws Exception {
        ParsedFeed feed =
                parse(
                        "<rss version=\"2.0\"><channel><title>Junk</title><item><title>Kept</title>"
                                + "</item></channel></rss>\n<!-- served by x -->\n<script>track()</script>"
                                + " and some text");

        assertThat(feed.items()).extracting(FeedItem::title).containsExactly("Kept");
        assertThat(feed.repairs()).containsExactly("content after the root element removed");
    }

    @Test
    void bareAmpersandsInLinksAreEscaped() throws Exception {
        ParsedFeed feed =
                parse(
                        "<rss version=\"2.0\"><channel><title>A & B</title><item><title>Q</title>"
                                + "<link>https://x.example/get?a=1&b=2</link></item></channel></rss>");

        assertThat(feed.title()).isEqualTo("A & B");
        assertThat(feed.items().get(0).link()).isEqualTo("https://x.example/get?a=1&b=2");
        assertThat(feed.repairs()).containsExactly("bare ampersands escaped (2)");
    }

    @Test
    void aTruncatedFeedKeepsItsCompleteItems() throws Exception {
        ParsedFeed feed =
                parse(
                        "<rss version=\"2.0\"><channel><title>Cut</title>"
                                + "<item><title>Whole</title><link>https://x.example/1</link></item>"
                                + "<item><title>Half</title><link>https://x.exa");

        assertThat(feed.items()).extracting(FeedItem::title).containsExactly("Whole", "Half");
        assertThat(feed.items().get(0).link()).isEqualTo("https://x.example/1");
        assertThat(feed.repairs()).contains("unclosed elements closed at the end of the document");
    }

    @Test
    void anUnclosedElementBeforeTheItemsDoesNotSwallowThem() throws Exception {
        ParsedFeed feed =
                parse(
                        "<rss version=\"2.0\" xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\">"
                                + "<channel><title>Pod</title><itunes:category text='News'>"
                                + "<item><title>E1</title></item><item><title>E2</title></item>"
                                + "</channel></rss>");

        assertThat(feed.items()).extracting(FeedItem::title).containsExactly("E1", "E2");
        assertThat(feed.repairs()).contains("unclosed elements closed before the next item");
    }

    @Test
    void undeclaredNamespacePrefixesAreDeclared() throws Exception {
        ParsedFeed feed =
                parse(
                        "<rss version=\"2.0\"><channel><title>NS</title><itunes:subtitle>s"
                                + "</itunes:subtitle><item><title>I</title><foo:bar/></item></channel></rss>");

        assertThat(feed.items()).hasSize(1);
        assertThat(feed.repairs()).containsExactly("undeclared namespace prefixes declared (2)");
    }

    @Test
    void rssWithoutVersionOrChannelIsStillRss() throws Exception {
        ParsedFeed feed =
                parse(
                        "<rss><item><title>Orphan</title><link>https://x.example/o</link></item></rss>");

        assertThat(feed.items()).extracting(FeedItem::link).containsExactly("https://x.example/o");
        assertThat(feed.repairs())
                .containsExactly(
                        "RSS version '' read as 2.0",
                        "RSS without <channel>: its content read as the channel");
    }

    @Test
    void controlCharactersAreDropped() throws Exception {
        ParsedFeed feed =
                parse(
                        "<rss version=\"2.0\"><channel><title>Bell\u0007 and\u0000 null</title>"
                                + "</channel></rss>");

        assertThat(feed.title()).isEqualTo("Bell and null");
        assertThat(feed.repairs()).containsExactly("characters not allowed in XML removed (2)");
    }

    @Test
    void c1ControlsFromMisdecodedWindows1252BecomeTheirCharacters() throws Exception {
        ParsedFeed feed =
                parse("<rss version=\"2.0\"><channel><title>don\u0092t</title></channel></rss>");

        assertThat(feed.title()).isEqualTo("don\u2019t");
    }

    private ParsedFeed parse(String xml) throws Exception {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), null, null);
    }
}
