package dev.newsflow.jobs.functions.feeds;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import dev.newsflow.jobs.functions.feeds.FeedRejectedException.Kind;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jsoup.Jsoup;

/**
 * Parses one fetched feed document (RSS 0.9x/1.0/2.0, Atom 0.3/1.0) with Rome: bytes, the HTTP
 * {@code Content-Type} if known and the feed URL if known in; a {@link ParsedFeed} or a {@link
 * FeedRejectedException} with the reason out, never another exception for bad input. Stateless and
 * thread-safe.
 *
 * <p>The steps: {@link FeedDecoder} (charset); {@link DoctypeGuard} (DOCTYPE removed, its entities
 * expanded within limits, XXE and billion laughs rejected); the strict parse ({@link SecureXml});
 * if that fails, {@link XmlRepair} and a second parse; Rome on the tree; {@link FeedItems} for the
 * entries with absolute links and UTC dates.
 */
public final class FeedParser implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Larger documents are rejected unread: the largest real feeds are a few megabytes. */
    public static final int MAX_BYTES = 32 * 1024 * 1024;

    public ParsedFeed parse(byte[] body, String contentType, String feedUrl)
            throws FeedRejectedException {
        if (body == null || body.length == 0) {
            throw new FeedRejectedException(Kind.EMPTY, "0 bytes");
        }
        if (body.length > MAX_BYTES) {
            throw new FeedRejectedException(
                    Kind.TOO_LARGE, body.length + " bytes, limit " + MAX_BYTES);
        }
        FeedDecoder.Decoded decoded = FeedDecoder.decode(body, contentType);
        List<String> repairs = new ArrayList<>(decoded.notes());
        DoctypeGuard.Result guarded = DoctypeGuard.apply(decoded.text());
        repairs.addAll(guarded.notes());
        String text = guarded.text();
        checkIsXmlDocument(text);
        Document document = parseXml(text, repairs);
        SyndFeed feed = new SyndFeedImpl(readFeed(document, repairs));
        URI base = feedUrl == null ? null : FeedLinks.parse(feedUrl);
        List<FeedItem> items = FeedItems.extract(document.getRootElement(), feed, base, repairs);
        return new ParsedFeed(
                FeedText.plain(feed.getTitleEx(), feed.getTitle()),
                feed.getFeedType(),
                decoded.charset(),
                items,
                repairs);
    }

    /** Rejects, with the specific reason, documents that are no XML feed at all. */
    private static void checkIsXmlDocument(String text) throws FeedRejectedException {
        String root = RootElement.name(text);
        if (root == null) {
            throw new FeedRejectedException(
                    Kind.EMPTY,
                    text.isBlank() ? "only whitespace" : "no XML element (only comments or text)");
        }
        String local = root.substring(root.indexOf(':') + 1).toLowerCase(Locale.ROOT);
        if (local.equals("html") || local.equals("head") || local.equals("body")) {
            String title = Jsoup.parse(text).title();
            throw new FeedRejectedException(
                    Kind.HTML_PAGE,
                    title.isBlank() ? "<" + root + "> document" : "titled '" + title + "'");
        }
    }

    private static Document parseXml(String text, List<String> repairs)
            throws FeedRejectedException {
        String firstError;
        try {
            Document document = SecureXml.parse(RootElement.stripDeclaration(text));
            if (RootElement.declarationNotAtStart(text)) {
                repairs.add("whitespace before the XML declaration removed");
            }
            return document;
        } catch (JDOMException | IOException e) {
            firstError = e.getMessage();
            if (firstError != null && firstError.contains("maxElementDepth")) {
                throw new FeedRejectedException(
                        Kind.TOO_LARGE, "elements nested deeper than " + SecureXml.MAX_DEPTH);
            }
        }
        XmlRepair.Result repaired = XmlRepair.repair(text);
        try {
            Document document = SecureXml.parse(repaired.text());
            repairs.addAll(
                    repaired.repairs().isEmpty()
                            ? List.of("not well-formed, read leniently: " + firstError)
                            : repaired.repairs());
            return document;
        } catch (JDOMException | IOException e) {
            throw new FeedRejectedException(Kind.MALFORMED_XML, firstError + " (not repairable)");
        }
    }

    private static WireFeed readFeed(Document document, List<String> repairs)
            throws FeedRejectedException {
        Element root = document.getRootElement();
        try {
            return new WireFeedInput().build(document);
        } catch (FeedException | RuntimeException first) {
            List<String> changes = FeedShape.normalize(root);
            if (changes.isEmpty()) {
                throw notAFeed(root, first);
            }
            try {
                WireFeed feed = new WireFeedInput().build(document);
                repairs.addAll(changes);
                return feed;
            } catch (FeedException | RuntimeException second) {
                throw notAFeed(root, first);
            }
        }
    }

    private static FeedRejectedException notAFeed(Element root, Exception e) {
        if (e instanceof IllegalArgumentException) {
            String ns = root.getNamespaceURI();
            return new FeedRejectedException(
                    Kind.NOT_A_FEED,
                    "unknown root element <"
                            + root.getQualifiedName()
                            + ">"
                            + (ns.isEmpty() ? "" : " in namespace " + ns));
        }
        return new FeedRejectedException(Kind.NOT_A_FEED, "Rome could not read it: " + e);
    }
}
