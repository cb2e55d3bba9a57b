package dev.newsflow.jobs.functions.feeds;

import java.util.Map;

/** Namespaces that feeds use under well-known prefixes, to declare a prefix a feed forgot. */
final class KnownNamespaces {

    private static final Map<String, String> URIS =
            Map.ofEntries(
                    Map.entry("atom", "http://www.w3.org/2005/Atom"),
                    Map.entry("content", "http://purl.org/rss/1.0/modules/content/"),
                    Map.entry("dc", "http://purl.org/dc/elements/1.1/"),
                    Map.entry("dcterms", "http://purl.org/dc/terms/"),
                    Map.entry("feedburner", "http://rssnamespace.org/feedburner/ext/1.0"),
                    Map.entry("georss", "http://www.georss.org/georss"),
                    Map.entry("geo", "http://www.w3.org/2003/01/geo/wgs84_pos#"),
                    Map.entry("googleplay", "http://www.google.com/schemas/play-podcasts/1.0"),
                    Map.entry("itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd"),
                    Map.entry("media", "http://search.yahoo.com/mrss/"),
                    Map.entry("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
                    Map.entry("slash", "http://purl.org/rss/1.0/modules/slash/"),
                    Map.entry("sy", "http://purl.org/rss/1.0/modules/syndication/"),
                    Map.entry("wfw", "http://wellformedweb.org/CommentAPI/"));

    private KnownNamespaces() {}

    /** The namespace for a prefix, or a URN that keeps prefixes apart when it is unknown. */
    static String uriFor(String prefix) {
        return URIS.getOrDefault(prefix, "urn:x-undeclared-prefix:" + prefix);
    }
}
