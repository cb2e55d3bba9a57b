package dev.newsflow.jobs.functions.feeds;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdom2.Element;

/**
 * Rome's entries as {@link FeedItem}s. Rome gives titles, links, ids and summaries; its dates are
 * not used, because it reads a date without a zone in the JVM's zone: the dates, and the {@code
 * xml:base} that Rome ignores for RSS, come from each entry's own element, matched by position.
 */
final class FeedItems {

    /** Date elements by local name, the most telling first. */
    private static final List<String> DATES =
            List.of("published", "pubDate", "issued", "date", "created", "updated", "modified");

    private FeedItems() {}

    static List<FeedItem> extract(
            Element root, SyndFeed feed, URI documentBase, List<String> repairs) {
        List<SyndEntry> entries = feed.getEntries();
        List<Element> elements = entryElements(root, entries.size());
        if (elements == null && !entries.isEmpty()) {
            repairs.add("entries not matched to their elements: no dates, no xml:base");
        }
        URI fallback = feedLinkBase(root, documentBase);
        List<FeedItem> items = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            SyndEntry entry = entries.get(i);
            Element element = elements == null ? null : elements.get(i);
            String rawLink = element == null ? null : originalLink(element);
            if (rawLink == null) {
                rawLink = entry.getLink();
            }
            if (rawLink == null && element != null) {
                rawLink = alternateHref(element);
            }
            URI base =
                    element == null
                            ? documentBase
                            : FeedLinks.baseOf(linkElement(element, rawLink), documentBase);
            items.add(
                    new FeedItem(
                            title(entry, element),
                            FeedLinks.absolute(rawLink, base, fallback),
                            element == null ? null : published(element),
                            blankToNull(entry.getUri()),
                            summary(entry)));
        }
        return items;
    }

    /** The entry's title; Media RSS's title when the item has no other. */
    private static String title(SyndEntry entry, Element element) {
        String title = FeedText.plain(entry.getTitleEx(), entry.getTitle());
        if (title == null && element != null) {
            for (Element child : element.getChildren()) {
                if (child.getName().equals("title")
                        && child.getNamespaceURI().startsWith("http://search.yahoo.com/mrss")) {
                    return FeedText.plain(child.getText(), (String) null);
                }
            }
        }
        return title;
    }

    /** The elements Rome made the entries from, or null when they cannot be matched. */
    private static List<Element> entryElements(Element root, int count) {
        List<Element> candidates = new ArrayList<>();
        if (root.getName().equals("feed")) {
            candidates.add(root);
        } else {
            Element channel = child(root, "channel");
            if (channel != null) {
                candidates.add(channel);
            }
            candidates.add(root);
        }
        String name = root.getName().equals("feed") ? "entry" : "item";
        for (Element parent : candidates) {
            List<Element> found =
                    parent.getChildren().stream().filter(e -> e.getName().equals(name)).toList();
            if (found.size() == count) {
                return found;
            }
        }
        return null;
    }

    /** The base for relative entry links when xml:base gives none: the feed's own links. */
    private static URI feedLinkBase(Element root, URI documentBase) {
        Element channel = root.getName().equals("feed") ? root : child(root, "channel");
        if (channel == null) {
            return null;
        }
        List<String> rels = List.of("self", "alternate");
        for (String rel : rels) {
            for (Element link : channel.getChildren()) {
                if (link.getName().equals("link")
                        && rel.equals(link.getAttributeValue("rel", "alternate"))) {
                    URI uri = absoluteUri(link.getAttributeValue("href"), link, documentBase);
                    if (uri != null) {
                        return uri;
                    }
                }
            }
        }
        for (Element link : channel.getChildren()) {
            if (link.getName().equals("link") && !link.getTextTrim().isEmpty()) {
                URI uri = absoluteUri(link.getTextTrim(), link, documentBase);
                if (uri != null) {
                    return uri;
                }
            }
        }
        return null;
    }

    private static URI absoluteUri(String raw, Element scope, URI documentBase) {
        String absolute = FeedLinks.absolute(raw, FeedLinks.baseOf(scope, documentBase));
        return absolute == null ? null : URI.create(absolute);
    }

    /**
     * FeedBurner's {@code origLink}: the publisher's own URL, where the item's link is a feedproxy
     * redirect.
     */
    private static String originalLink(Element entry) {
        for (Element child : entry.getChildren()) {
            if (child.getName().equals("origLink")
                    && child.getNamespaceURI().contains("feedburner")
                    && !child.getTextTrim().isEmpty()) {
                return child.getTextTrim();
            }
        }
        return null;
    }

    /**
     * An Atom-style {@code <link href>} inside an RSS item (atom:link, .NET's a10:link), which Rome
     * leaves aside.
     */
    private static String alternateHref(Element entry) {
        for (Element link : entry.getChildren()) {
            if (link.getName().equals("link")
                    && link.getAttributeValue("href") != null
                    && "alternate".equals(link.getAttributeValue("rel", "alternate"))) {
                return link.getAttributeValue("href");
            }
        }
        return null;
    }

    /** The link element Rome took the entry's link from, for its xml:base; else the entry. */
    private static Element linkElement(Element entry, String rawLink) {
        if (rawLink != null) {
            for (Element link : entry.getChildren()) {
                if (link.getName().equals("link")
                        && (rawLink.equals(link.getAttributeValue("href"))
                                || rawLink.equals(link.getText()))) {
                    return link;
                }
            }
        }
        return entry;
    }

    /** The first readable date by {@link #DATES} order; the last of several of one name. */
    static Instant published(Element entry) {
        for (String name : DATES) {
            Instant found = null;
            for (Element child : entry.getChildren()) {
                if (child.getName().equals(name) && (!name.equals("date") || isDublinCore(child))) {
                    Instant parsed = FeedDates.parse(child.getText());
                    found = parsed == null ? found : parsed;
                }
            }
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static boolean isDublinCore(Element element) {
        return element.getNamespaceURI().startsWith("http://purl.org/dc/");
    }

    private static Element child(Element parent, String name) {
        for (Element child : parent.getChildren()) {
            if (child.getName().equals(name)) {
                return child;
            }
        }
        return null;
    }

    private static String summary(SyndEntry entry) {
        SyndContent description = entry.getDescription();
        if (description != null && description.getValue() != null) {
            return blankToNull(description.getValue());
        }
        List<SyndContent> contents = entry.getContents();
        return contents.isEmpty() ? null : blankToNull(contents.get(0).getValue());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
