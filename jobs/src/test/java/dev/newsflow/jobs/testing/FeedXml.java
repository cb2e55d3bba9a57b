package dev.newsflow.jobs.testing;

import java.util.List;

/** RSS 2.0 and Atom 1.0 documents for the HTTP tests. */
public final class FeedXml {

    /** An item: link may be relative to the feed. */
    public record Entry(String guid, String link, String title, String summary) {}

    private FeedXml() {}

    public static String rss(String title, List<Entry> entries) {
        StringBuilder xml =
                new StringBuilder(
                                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>")
                        .append(title)
                        .append(
                                "</title><link>http://example.invalid/</link><description>test</description>");
        for (Entry e : entries) {
            xml.append("<item><guid isPermaLink=\"false\">")
                    .append(e.guid())
                    .append("</guid><link>")
                    .append(e.link())
                    .append("</link><title>")
                    .append(e.title())
                    .append("</title><description><![CDATA[")
                    .append(e.summary())
                    .append(
                            "]]></description><pubDate>Fri, 20 Nov 2026 08:00:00 GMT</pubDate></item>");
        }
        return xml.append("</channel></rss>").toString();
    }

    public static String atom(String title, List<Entry> entries) {
        StringBuilder xml =
                new StringBuilder(
                                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>")
                        .append(title)
                        .append("</title><id>urn:test:")
                        .append(title.hashCode())
                        .append("</id><updated>2026-11-20T08:00:00Z</updated>");
        for (Entry e : entries) {
            xml.append("<entry><id>")
                    .append(e.guid())
                    .append("</id><title>")
                    .append(e.title())
                    .append("</title><link href=\"")
                    .append(e.link())
                    .append("\"/><updated>2026-11-20T08:00:00Z</updated><summary>")
                    .append(e.summary())
                    .append("</summary></entry>");
        }
        return xml.append("</feed>").toString();
    }

    /** An article page. */
    public static String page(String title, String body) {
        return "<html><head><title>"
                + title
                + "</title></head><body><article><h1>"
                + title
                + "</h1><p>"
                + body
                + "</p></article></body></html>";
    }
}
