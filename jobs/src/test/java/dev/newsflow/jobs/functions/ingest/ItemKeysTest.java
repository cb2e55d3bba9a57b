package dev.newsflow.jobs.functions.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ItemKeysTest {

    private static final String FEED = "https://News.Example/feeds/rss.xml";

    @Test
    void relativeLinksAreResolvedAgainstTheFeedAndCanonicalised() {
        assertThat(ItemKeys.canonicalLink(FEED, "../story/1?utm_source=rss&id=7#comments"))
                .isEqualTo("https://news.example/story/1?id=7");
        assertThat(ItemKeys.canonicalLink(FEED, "/a/b")).isEqualTo("https://news.example/a/b");
        assertThat(ItemKeys.canonicalLink(FEED, "HTTPS://Other.Example:443/x?fbclid=1"))
                .isEqualTo("https://other.example/x");
    }

    @Test
    void linksThatCannotBeFetchedHaveNoCanonicalForm() {
        assertThat(ItemKeys.canonicalLink(FEED, null)).isNull();
        assertThat(ItemKeys.canonicalLink(FEED, "  ")).isNull();
        assertThat(ItemKeys.canonicalLink(FEED, "mailto:editor@news.example")).isNull();
        assertThat(ItemKeys.canonicalLink(FEED, "javascript:alert(1)")).isNull();
        assertThat(ItemKeys.canonicalLink(FEED, "http://[broken")).isNull();
    }

    @Test
    void anItemIsKnownByItsGuidAndItsCanonicalLink() {
        assertThat(ItemKeys.fingerprints("guid-1", "https://news.example/a")).hasSize(2);
        assertThat(ItemKeys.fingerprints(null, "https://news.example/a")).hasSize(1);
        assertThat(ItemKeys.fingerprints(" ", null)).isEmpty();
        // Guids and links live in separate key spaces: a guid equal to a link is another key.
        assertThat(ItemKeys.fingerprints("https://news.example/a", null))
                .doesNotContainAnyElementsOf(ItemKeys.fingerprints(null, "https://news.example/a"));
        assertThat(ItemKeys.fingerprints("g", null)).isEqualTo(ItemKeys.fingerprints(" g ", null));
    }

    @Test
    void hostsAreLowerCasedAndEmptyWhenAbsent() {
        assertThat(ItemKeys.host("https://News.Example:8443/x")).isEqualTo("news.example");
        assertThat(ItemKeys.host("not a url")).isEmpty();
        assertThat(ItemKeys.host("/relative")).isEmpty();
    }
}
