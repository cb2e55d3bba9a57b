package dev.newsflow.jobs.functions.ingest;

import dev.newsflow.jobs.functions.ArticleIds;
import dev.newsflow.schemas.CrawlEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.jsoup.Jsoup;

/**
 * Crawl events for discovered feed items: with the fetched page, or, when the page cannot be
 * fetched, with what the feed said about the item (summary as plain text, else the title), so that
 * every discovered item becomes exactly one crawl event and the enrichment job decides whether it
 * is enough. The event id is derived from feed and link, so a replay produces the same id.
 */
public final class ItemCrawlEvents {

    private ItemCrawlEvents() {}

    public static CrawlEvent fromPage(DiscoveredItem item, PageResponse.Page page, Instant now) {
        String url =
                page.finalUrl() == null ? item.link() : ArticleIds.canonicalUrl(page.finalUrl());
        return builder(item, now).setUrl(url).setHtml(page.html()).build();
    }

    public static CrawlEvent fromFeedItem(DiscoveredItem item, Instant now) {
        String text = plain(item.summary());
        if (text == null) {
            text = plain(item.title());
        }
        return builder(item, now).setUrl(item.link()).setText(text).build();
    }

    private static CrawlEvent.Builder builder(DiscoveredItem item, Instant now) {
        String key = item.feedUrl() + "\n" + item.link();
        return CrawlEvent.newBuilder()
                .setEventId(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString())
                .setFeedUrl(item.feedUrl())
                .setSource(item.source())
                .setTitle(item.title())
                .setPublishedAt(item.publishedAt())
                .setFetchedAt(now);
    }

    /** Feed summaries are often HTML fragments: their text, or null when there is none. */
    private static String plain(String fragment) {
        if (fragment == null || fragment.isBlank()) {
            return null;
        }
        String text = Jsoup.parseBodyFragment(fragment).text().strip();
        return text.isEmpty() ? null : text;
    }
}
