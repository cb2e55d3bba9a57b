package dev.newsflow.jobs.functions.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class JsonLdArticleTest {

    private static final String BODY =
            "The ferry terminal opens in March after two years of delays over dredging.\\n\\n"
                    + "Officials expect 1,200 passengers an hour and the building runs on shore"
                    + " power.\\n\\nBusinesses on the quay welcomed the date but want more"
                    + " parking.";
    private static final String SHOWN =
            "<p>The ferry terminal opens in March after two years of delays over dredging.</p>"
                    + "<p>Officials expect 1,200 passengers an hour and the building runs on shore"
                    + " power.</p><p>Businesses on the quay welcomed the date but want more"
                    + " parking.</p>";
    private static final String TEASER =
            "<div class='intro'><p>Sign in to read the full story on our website, where every"
                    + " article, every photo gallery and every podcast episode is available to"
                    + " members, with a first month free, no commitment, no hidden fees and"
                    + " cancellation at any time from your account page.</p></div>";

    private static String ldJson(String json) {
        return "<script type='application/ld+json'>" + json + "</script>";
    }

    @Test
    void findsTheLongestArticleBodyAnywhereInTheGraph() {
        String html =
                ldJson("{\"@type\":\"Organization\",\"name\":\"Gazette\"}")
                        + ldJson(
                                "{\"@graph\":[{\"@type\":\"WebPage\"},{\"@type\":\"NewsArticle\","
                                        + "\"articleBody\":\"Short\"},{\"articleBody\":\""
                                        + BODY
                                        + "\"}]}");

        String body = JsonLdArticle.articleBody(Jsoup.parse(html));

        assertThat(body).startsWith("The ferry terminal opens").endsWith("more parking.");
        assertThat(body.split("\n\n")).hasSize(3);
    }

    @Test
    void turnsHtmlAndEntitiesInTheBodyIntoText() {
        String html =
                ldJson(
                        "{\"articleBody\":\"<p class=\\\"lead\\\">Ferries &amp; trains</p>"
                                + "<p>Second paragraph</p>\"}");

        assertThat(JsonLdArticle.articleBody(Jsoup.parse(html)))
                .isEqualTo("Ferries & trains\n\nSecond paragraph");
    }

    @Test
    void ignoresMalformedBlocks() {
        String html = ldJson("{\"articleBody\": ") + ldJson("{\"articleBody\":\"Kept\"}");

        assertThat(JsonLdArticle.articleBody(Jsoup.parse(html))).isEqualTo("Kept");
    }

    @Test
    void coverageIsTheShareOfTrigramsFoundInTheOtherText() {
        // Trigrams of "a b c d e": "a b c", "b c d", "c d e"; the whole text holds the first two.
        assertThat(JsonLdArticle.coverage("a b c d e", "x a b c d y")).isEqualTo(2.0 / 3);
        assertThat(JsonLdArticle.coverage("A, B. C!", "a b c")).isEqualTo(1.0);
        assertThat(JsonLdArticle.coverage("a b", "a b")).isZero();
    }

    @Test
    void replacesAnExtractionThatMissedTheBodyThePageShows() throws Exception {
        String html =
                "<html><head>"
                        + ldJson("{\"@type\":\"NewsArticle\",\"articleBody\":\"" + BODY + "\"}")
                        + "</head><body>"
                        + TEASER
                        + "<div class='share-wrapper'>"
                        + SHOWN
                        + "</div></body></html>";

        String text = new ArticleExtractor(100_000).extract(html, null).text();

        assertThat(text).startsWith("The ferry terminal opens").doesNotContain("Sign in");
    }

    @Test
    void ignoresADeclaredBodyThePageDoesNotShow() throws Exception {
        String html =
                "<html><head>"
                        + ldJson("{\"@type\":\"NewsArticle\",\"articleBody\":\"" + BODY + "\"}")
                        + "</head><body>"
                        + TEASER
                        + "</body></html>";

        String text = new ArticleExtractor(100_000).extract(html, null).text();

        assertThat(text).startsWith("Sign in to read the full story");
    }
}
