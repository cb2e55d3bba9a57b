package dev.newsflow.jobs.functions.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** URL checks before any connection, and resolution of redirect targets. */
class UrlRulesTest {

    @Test
    void onlyAbsoluteHttpUrlsWithAHostAndNoUserInfoPass() {
        assertThat(UrlRules.refusal(URI.create("https://news.example/feed.xml"))).isEmpty();
        assertThat(UrlRules.refusal(URI.create("HTTP://news.example/"))).isEmpty();
        assertThat(UrlRules.refusal(URI.create("/feed.xml"))).contains("not an absolute URL");
        assertThat(UrlRules.refusal(URI.create("ftp://news.example/")))
                .contains("scheme ftp is not http or https");
        assertThat(UrlRules.refusal(URI.create("gopher://news.example/")))
                .contains("scheme gopher is not http or https");
        assertThat(UrlRules.refusal(URI.create("http://user@news.example/")))
                .contains("URL carries user info");
        assertThat(UrlRules.refusal(URI.create("http:///nohost")))
                .contains("URL has no valid host");
    }

    @Test
    void displayDropsUserInfo() {
        assertThat(UrlRules.display(URI.create("http://admin:secret@news.example/x?q=1")))
                .isEqualTo("http://news.example/x?q=1");
    }

    @Test
    void redirectTargetsResolveLikeABrowser() {
        URI base = URI.create("http://news.example/a/b?x=1");

        assertThat(UrlRules.resolveRedirect(base, "c")).hasToString("http://news.example/a/c");
        assertThat(UrlRules.resolveRedirect(base, "/root")).hasToString("http://news.example/root");
        assertThat(UrlRules.resolveRedirect(base, "//cdn.example/f"))
                .hasToString("http://cdn.example/f");
        assertThat(UrlRules.resolveRedirect(URI.create("http://news.example"), "feed"))
                .hasToString("http://news.example/feed");
    }
}
