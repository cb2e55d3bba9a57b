package dev.newsflow.jobs.functions.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceAuthorityTest {

    private static final Map<String, Double> AUTHORITY =
            Map.of("apnews.com", 0.9, "bbc.co.uk", 0.85, "news.example.org", 0.7);

    @Test
    void aConfiguredHostCoversItsSubdomains() {
        assertThat(SourceAuthority.of("apnews.com", AUTHORITY, 0.5)).isEqualTo(0.9);
        assertThat(SourceAuthority.of("www.apnews.com", AUTHORITY, 0.5)).isEqualTo(0.9);
        assertThat(SourceAuthority.of("https://hosted.APNews.com/x", AUTHORITY, 0.5))
                .isEqualTo(0.9);
        assertThat(SourceAuthority.of("www.bbc.co.uk", AUTHORITY, 0.5)).isEqualTo(0.85);
    }

    @Test
    void unknownSourcesAndParentsOfAConfiguredHostGetTheDefault() {
        assertThat(SourceAuthority.of("example.org", AUTHORITY, 0.5)).isEqualTo(0.5);
        assertThat(SourceAuthority.of("notapnews.com", AUTHORITY, 0.5)).isEqualTo(0.5);
        assertThat(SourceAuthority.of("co.uk", AUTHORITY, 0.5)).isEqualTo(0.5);
        assertThat(SourceAuthority.of(null, AUTHORITY, 0.4)).isEqualTo(0.4);
    }
}
