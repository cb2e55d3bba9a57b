package dev.newsflow.jobs.functions.feeds;

import java.time.Instant;

/**
 * One entry of a feed, in document order.
 *
 * @param title plain text (markup removed), or null
 * @param link absolute http(s) URL of the article, or null when the feed gives none that can be
 *     made absolute
 * @param published when the item was published (falling back to its last update), or null when the
 *     feed gives no date that can be read without guessing
 * @param guid the item's identifier as written (RSS guid, Atom id, RDF about), or null
 * @param summary the item's description or content as written (may be HTML), or null
 */
public record FeedItem(String title, String link, Instant published, String guid, String summary) {}
