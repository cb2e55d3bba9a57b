package dev.newsflow.jobs.functions.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedParserTest {

    private final FeedParser parser = new FeedParser();

    private static final String HARBOUR_RSS =
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel>
              <title>Harbour &amp; Coast News</title>
              <link>https://news.example/</link>
              <item><title>Barrier approved</title><link>https://news.example/barrier</link>
                <pubDate>Tue, 10 Jun 2025 09:30:00 +0200</pubDate><guid>barrier-1</guid></item>
              <item><title>Ferry delayed</title><link>/ferry?day=2&amp;time=18</link>
                <pubDate>Wed, 11 Jun 2025 18:00:00 GMT</pubDate></item>
              <item><title>Undated note</title><link>notes/1</link></item>
            </channel></rss>
            """;

    @Test
    void readsRssItemsInDocumentOrderWithUtcDatesAndAbsoluteLinks() throws Exception {
        ParsedFeed feed = parse(HARBOUR_RSS, null, "https://news.example/feeds/main.xml");

        assertThat(feed.title()).isEqualTo("Harbour & Coast News");
        assertThat(feed.type()).isEqualTo("rss_2.0");
        assertThat(feed.repairs()).isEmpty();
        assertThat(feed.items())
                .extracting(FeedItem::title, FeedItem::link, FeedItem::published)
                .containsExactly(
                        tuple3(
                                "Barrier approved",
                                "https://news.example/barrier",
                                "2025-06-10T07:30:00Z"),
                        tuple3(
                                "Ferry delayed",
                                "https://news.example/ferry?day=2&time=18",
                                "2025-06-11T18:00:00Z"),
                        tuple3("Undated note", "https://news.example/feeds/notes/1", null));
        assertThat(feed.items().get(0).guid()).isEqualTo("barrier-1");
    }

    @Test
    void withoutAFeedUrlRelativeLinksResolveAgainstTheChannelLink() throws Exception {
        ParsedFeed feed = parse(HARBOUR_RSS, null, null);

        assertThat(feed.items())
                .extracting(FeedItem::link)
                .containsExactly(
                        "https://news.example/barrier",
                        "https://news.example/ferry?day=2&time=18",
                        "https://news.example/notes/1");
    }

    @Test
    void resolvesLinksAgainstNestedXmlBase() throws Exception {
        String atom =
                """
                <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example/en/">
                  <title type="text">Engineering</title>
                  <entry xml:base="2025/">
                    <title type="html">Tides &lt;em&gt;and&lt;/em&gt; turbines</title>
                    <link rel="alternate" href="tides.html"/>
                    <updated>2025-03-01T12:00:00+01:00</updated>
                  </entry>
                  <entry>
                    <title type="text">About the &lt;blink&gt; tag</title>
                    <link href="../about"/>
                    <published>2025-02-01T08:00:00Z</published>
                    <updated>2025-02-03T08:00:00Z</updated>
                  </entry>
                </feed>
                """;

        ParsedFeed feed = parse(atom, null, "https://feeds.example/blog.atom");

        assertThat(feed.items())
                .extracting(FeedItem::title, FeedItem::link, FeedItem::published)
                .containsExactly(
                        tuple3(
                                "Tides and turbines",
                                "https://blog.example/en/2025/tides.html",
                                "2025-03-01T11:00:00Z"),
                        tuple3(
                                "About the <blink> tag",
                                "https://blog.example/about",
                                "2025-02-01T08:00:00Z"));
    }

    @Test
    void itemXmlBaseAppliesToRssLinksAndUnsafeBasesAreIgnored() throws Exception {
        String rss =
                """
                <rss version="2.0"><channel><title>Scoped</title><link>https://site.example/</link>
                  <item xml:base="https://site.example/first/"><title>First</title><link>post</link></item>
                  <item xml:base="javascript:alert(1)"><title>Second</title><link>post</link></item>
                  <item><title>Third</title><link>javascript:alert(1)</link></item>
                </channel></rss>
                """;

        ParsedFeed feed = parse(rss, null, null);

        assertThat(feed.items())
                .extracting(FeedItem::link)
                .containsExactly(
                        "https://site.example/first/post", "https://site.example/post", null);
    }

    @Test
    void linksThatCannotBeMadeAbsoluteAreNull() throws Exception {
        String rss =
                """
                <rss version="2.0"><channel><title>Nowhere</title><link>/home</link>
                  <item><title>Lost</title><link>/articles/1</link></item>
                </channel></rss>
                """;

        ParsedFeed feed = parse(rss, null, null);

        assertThat(feed.items()).extracting(FeedItem::link).containsExactly((String) null);
    }

    @Test
    void linksAndTitlesFromExtensionsRomeLeavesAside() throws Exception {
        String rss =
                """
                <rss version="2.0" xmlns:a10="http://www.w3.org/2005/Atom"
                    xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"
                    xmlns:media="http://search.yahoo.com/mrss/"><channel><title>X</title>
                  <item><title>Dotnet</title><a10:link href="https://x.example/a10"/></item>
                  <item><title>Burned</title><link>http://feedproxy.example/~r/1</link>
                    <feedburner:origLink>https://x.example/original</feedburner:origLink></item>
                  <item><media:title>Only media</media:title><link>https://x.example/m</link></item>
                </channel></rss>
                """;

        ParsedFeed feed = parse(rss, null, null);

        assertThat(feed.items())
                .extracting(FeedItem::title, FeedItem::link)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Dotnet", "https://x.example/a10"),
                        org.assertj.core.groups.Tuple.tuple("Burned", "https://x.example/original"),
                        org.assertj.core.groups.Tuple.tuple("Only media", "https://x.example/m"));
    }

    @Test
    void decodesUtf16WithAByteOrderMark() throws Exception {
        String rss =
                "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss version=\"2.0\"><channel>"
                        + "<title>Caf\u00e9 \u65b0\u805e</title></channel></rss>";
        byte[] bytes =
                withPrefix(
                        new byte[] {(byte) 0xFF, (byte) 0xFE},
                        rss.getBytes(StandardCharsets.UTF_16LE));

        ParsedFeed feed = parser.parse(bytes, null, null);

        assertThat(feed.title()).isEqualTo("Caf\u00e9 \u65b0\u805e");
        assertThat(feed.charset()).isEqualTo("UTF-16LE");
    }

    @Test
    void decodesDeclaredIso88591AsWindows1252() throws Exception {
        byte[] bytes =
                ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel>"
                                + "<title>Not\u00edcias \u2013 don\u2019t miss</title></channel></rss>")
                        .getBytes(Charset.forName("windows-1252"));

        ParsedFeed feed = parser.parse(bytes, null, null);

        assertThat(feed.title()).isEqualTo("Not\u00edcias \u2013 don\u2019t miss");
        assertThat(feed.repairs()).isEmpty();
    }

    @Test
    void undeclaredLatin1BytesAreReadAsWindows1252() throws Exception {
        byte[] bytes =
                "<rss version=\"2.0\"><channel><title>Jornal de Not\u00edcias</title></channel></rss>"
                        .getBytes(StandardCharsets.ISO_8859_1);

        ParsedFeed feed = parser.parse(bytes, null, null);

        assertThat(feed.title()).isEqualTo("Jornal de Not\u00edcias");
        assertThat(feed.charset()).isEqualTo("windows-1252");
        assertThat(feed.repairs()).containsExactly("bytes not valid UTF-8 read as windows-1252");
    }

    @Test
    void theHttpCharsetWinsOverTheXmlDeclaration() throws Exception {
        byte[] bytes =
                ("<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss version=\"2.0\"><channel>"
                                + "<title>\u041d\u043e\u0432\u043e\u0441\u0442\u0438</title></channel></rss>")
                        .getBytes(Charset.forName("windows-1251"));

        ParsedFeed feed = parser.parse(bytes, "application/rss+xml; charset=windows-1251", null);

        assertThat(feed.title()).isEqualTo("\u041d\u043e\u0432\u043e\u0441\u0442\u0438");
    }

    @Test
    void datesWithoutAZoneAreLeftOutRatherThanGuessed() throws Exception {
        String rss =
                """
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title>
                  <item><title>a</title><pubDate>2020/1/10 14:33:00</pubDate></item>
                  <item><title>b</title><pubDate>Seg, 24 Set 2018 19:42:40 -0300</pubDate></item>
                  <item><title>c</title><pubDate>nonsense</pubDate><dc:date>2003-12-31T10:14:55Z</dc:date></item>
                </channel></rss>
                """;

        ParsedFeed feed = parse(rss, null, null);

        assertThat(feed.items())
                .extracting(FeedItem::published)
                .containsExactly(
                        null,
                        Instant.parse("2018-09-24T22:42:40Z"),
                        Instant.parse("2003-12-31T10:14:55Z"));
    }

    private ParsedFeed parse(String xml, String contentType, String feedUrl) throws Exception {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), contentType, feedUrl);
    }

    private static org.assertj.core.groups.Tuple tuple3(String title, String link, String date) {
        return org.assertj.core.groups.Tuple.tuple(
                title, link, date == null ? null : Instant.parse(date));
    }

    static byte[] withPrefix(byte[] prefix, byte[] rest) {
        return ByteBuffer.allocate(prefix.length + rest.length).put(prefix).put(rest).array();
    }
}
