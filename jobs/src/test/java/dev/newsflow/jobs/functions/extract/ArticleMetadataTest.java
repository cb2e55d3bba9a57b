package dev.newsflow.jobs.functions.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class ArticleMetadataTest {

    private static final String PAGE_URL = "https://news.example/world/2025/harbour-vote";

    /** A page that declares everything in meta tags and JSON-LD, and shows a different byline. */
    private static final String DECLARED =
            """
            <html><head>
            <meta name="author" content="Jane Doe">
            <meta property="article:published_time" content="2025-03-04T09:30:00+01:00">
            <meta property="og:image" content="/img/harbour.jpg">
            <script type="application/ld+json">
              {"@type": "NewsArticle", "author": {"@type": "Person", "name": "Someone Else"},
               "datePublished": "2020-01-01T00:00:00Z", "image": "https://cdn.example/other.jpg"}
            </script>
            </head><body><article><p class="byline">By Visible Writer</p>
            <p>The council voted on Tuesday.</p></article></body></html>
            """;

    /** A page that declares only JSON-LD, in a @graph next to a WebPage. */
    private static final String JSON_LD_ONLY =
            """
            <html><head><script type="application/ld+json">
              {"@context": "https://schema.org", "@graph": [
                {"@type": "WebPage", "datePublished": "1999-01-01", "image": "https://x.example/page.png"},
                {"@type": ["NewsArticle"], "datePublished": "2025-03-04T08:30:00.123456Z",
                 "author": [{"@type": "Person", "name": "Jane Doe"}, {"name": "John Roe"}],
                 "image": [{"@type": "ImageObject", "url": "//cdn.example/a.jpg"}]}
              ]}
            </script></head><body><article><p>Text.</p></article></body></html>
            """;

    /** A page that declares nothing: only the visible byline, time and pictures say it. */
    private static final String VISIBLE_ONLY =
            """
            <html><head><base href="https://static.example/news/"></head><body>
            <div class="site-header"><img src="/logo.png" width="120" height="40"></div>
            <article>
              <div class="story-author-line">By  <a href="/p/jd">Jane Doe</a> | Political editor</div>
              <time datetime="2025-03-04">4 March</time>
              <img src="pixel.gif" width="1" height="1">
              <img src="no-size-hint.jpg">
              <img src="photos/harbour.jpg" width="800" height="450">
              <p>The council voted on Tuesday.</p>
            </article></body></html>
            """;

    private static ArticleMetadata metadata(String html) {
        return ArticleMetadata.of(Jsoup.parse(html, PAGE_URL));
    }

    @Test
    void metaTagsWinOverJsonLdAndTheVisiblePage() {
        ArticleMetadata m = metadata(DECLARED);

        assertThat(m.author()).isEqualTo("Jane Doe");
        assertThat(m.publishedAt()).isEqualTo(Instant.parse("2025-03-04T08:30:00Z"));
        assertThat(m.leadImage()).isEqualTo("https://news.example/img/harbour.jpg");
    }

    @Test
    void jsonLdArticleNodeAnswersBeforeOtherNodes() {
        ArticleMetadata m = metadata(JSON_LD_ONLY);

        assertThat(m.author()).isEqualTo("Jane Doe, John Roe");
        assertThat(m.publishedAt()).isEqualTo(Instant.parse("2025-03-04T08:30:00.123Z"));
        assertThat(m.leadImage()).isEqualTo("https://cdn.example/a.jpg");
    }

    @Test
    void jsonLdAuthorMayBeAPlainString() {
        String html =
                """
                <script type="application/ld+json">{"@type":"BlogPosting","author":"By Jane Doe"}</script>
                """;

        assertThat(metadata(html).author()).isEqualTo("Jane Doe");
    }

    @Test
    void visiblePageIsTheFallbackResolvedAgainstBaseHref() {
        ArticleMetadata m = metadata(VISIBLE_ONLY);

        assertThat(m.author()).isEqualTo("Jane Doe");
        assertThat(m.publishedAt()).isEqualTo(Instant.parse("2025-03-04T00:00:00Z"));
        // The logo is outside the article; the pixel is too small; no hint, no guess.
        assertThat(m.leadImage()).isEqualTo("https://static.example/news/photos/harbour.jpg");
    }

    @Test
    void itempropAuthorAndDateAreRead() {
        String html =
                """
                <article><span itemprop="author" itemscope><span itemprop="name">Jane Doe</span>
                </span><meta itemprop="datePublished" content="2025-03-04T10:00:00-05:00">
                <p>Text.</p></article>
                """;

        ArticleMetadata m = metadata(html);

        assertThat(m.author()).isEqualTo("Jane Doe");
        assertThat(m.publishedAt()).isEqualTo(Instant.parse("2025-03-04T15:00:00Z"));
    }

    @Test
    void profileUrlsAndBiosAreNotAuthorsAndLocalTimesAreNotGuessed() {
        String html =
                """
                <meta name="author" content="humans.txt">
                <meta property="article:author" content="https://facebook.com/janedoe">
                <meta property="article:published_time" content="2025-03-04T10:00:00">
                <meta name="pubdate" content="2025-03-05">
                <div class="author-bio">%s</div>
                <form id="respond"><label class="comment-author">Name (required)</label></form>
                <article><img src="data:image/png;base64,AAAA" width="800">
                <img src="ftp://files.example/a.jpg" width="800"><p>Text.</p></article>
                """
                        .formatted("Jane writes about harbours and tides. ".repeat(5));

        ArticleMetadata m = metadata(html);

        assertThat(m.author()).isNull();
        // The local time has no zone, so the next source, a date-only meta, answers.
        assertThat(m.publishedAt()).isEqualTo(Instant.parse("2025-03-05T00:00:00Z"));
        assertThat(m.leadImage()).isNull();
    }

    @Test
    void nothingDeclaredMeansNull() {
        ArticleMetadata m = metadata("<html><body><article><p>Text.</p></article></body></html>");

        assertThat(m).isEqualTo(ArticleMetadata.NONE);
    }

    @Test
    void relativeImageWithoutPageUrlIsDropped() {
        String html = "<meta property=\"og:image\" content=\"/img/a.jpg\">";

        assertThat(ArticleMetadata.of(Jsoup.parse(html)).leadImage()).isNull();
        assertThat(
                        ArticleMetadata.of(
                                        Jsoup.parse(html.replace("/img", "http://a.example/img")))
                                .leadImage())
                .isEqualTo("http://a.example/img/a.jpg");
    }
}
