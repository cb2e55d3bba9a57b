package dev.newsflow.jobs.functions.extract;

import static dev.newsflow.jobs.functions.extract.ArticlePages.P1;
import static dev.newsflow.jobs.functions.extract.ArticlePages.P2;
import static dev.newsflow.jobs.functions.extract.ArticlePages.P3;
import static dev.newsflow.jobs.functions.extract.ArticlePages.page;
import static dev.newsflow.jobs.functions.extract.ArticlePages.text;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the elements that hold the article are found, on small hand-written pages. */
class MainTextTest {

    /** A reader comment: longer and more comma-rich than the story's paragraphs. */
    private static String comment(int i) {
        return "<div class='c-item'><div class='c-text'><p>Reader "
                + i
                + ": I have taken this ferry for years, and honestly, the old terminal was fine,"
                + " the queues were short, the cafe was cheap, the staff were kind, the benches"
                + " were dry, and nobody, not once, asked for shore power.</p><p>Another"
                + " thought, since we are here: parking, parking, parking, and more parking.</p>"
                + "</div></div>";
    }

    @Test
    void prefersTheArticleOverALongerCommentThread() throws Exception {
        StringBuilder comments = new StringBuilder("<section id='comments'>");
        for (int i = 0; i < 12; i++) {
            comments.append(comment(i));
        }
        String html =
                page(
                        "<div class='story'><h1>Ferry terminal to open</h1><p>"
                                + P1
                                + "</p><p>"
                                + P2
                                + "</p><p>"
                                + P3
                                + "</p></div>"
                                + comments
                                + "</section>");

        assertThat(text(html)).isEqualTo(P1 + "\n\n" + P2 + "\n\n" + P3);
    }

    @Test
    void keepsEveryPartOfABodySplitIntoSiblingContainers() throws Exception {
        String deep = "<div><div><div><div><div><p>%s</p><p>%s</p></div></div></div></div></div>";
        String html =
                page(
                        "<div id='post'><section class='part'>"
                                + String.format(deep, P1, P2)
                                + "</section><div class='ad-slot'>Advertisement</div>"
                                + "<section class='part'>"
                                + String.format(deep, P3, P1.replace("Monday", "Tuesday"))
                                + "</section></div><div class='footer-links'><a href='/'>Home</a>"
                                + "</div>");

        assertThat(text(html))
                .startsWith(P1 + "\n\n" + P2 + "\n\n" + P3)
                .contains("Tuesday")
                .doesNotContain("Advertisement", "Home");
    }

    @Test
    void keepsBodyPartsWhoseNamesAlsoSoundLikeSharing() throws Exception {
        String part = "<div class='story-body share-enabled'><p>%s</p></div>";
        String html =
                page(
                        "<article>"
                                + String.format(part, P1)
                                + "<div class='ad'>Advertisement</div>"
                                + String.format(part, P2)
                                + "<div class='ad'>Advertisement</div>"
                                + String.format(part, P3)
                                + "<div class='story-meta'>Filed in Harbour, Transport</div>"
                                + "</article>");

        assertThat(text(html)).isEqualTo(P1 + "\n\n" + P2 + "\n\n" + P3);
    }

    @Test
    void looksAgainWhenAnUnlikelyNameWrapsTheWholeArticle() throws Exception {
        String html = page("<div class='social-layout'><p>" + P1 + "</p><p>" + P2 + "</p></div>");

        assertThat(text(html)).isEqualTo(P1 + "\n\n" + P2);
    }

    @Test
    void keepsAnUnlikelyNamedWrapperThatHoldsTheHeadline() throws Exception {
        String html =
                page(
                        "<div class='page has-sidebar'><h1>Ferry terminal</h1>"
                                + "<div class='byline'>By Mara Quist</div><p>"
                                + P1
                                + "</p><p>"
                                + P2
                                + "</p><p>"
                                + P3
                                + "</p></div>");

        assertThat(text(html)).isEqualTo(P1 + "\n\n" + P2 + "\n\n" + P3);
    }

    @Test
    void readsTextWithoutSpacesOrLatinCommas() throws Exception {
        String ja = "港湾局は月曜日、新しいフェリーターミナルが三月に開業すると発表した。";
        String html =
                page(
                        "<div class='menu'><a href='/'>ホーム</a></div><div><p>"
                                + ja
                                + "</p><p>"
                                + ja
                                + "</p></div>");

        assertThat(text(html)).isEqualTo(ja + "\n\n" + ja);
    }

    @Test
    void survivesDeeplyNestedMarkup() throws Exception {
        String html = page("<div>".repeat(20_000) + "<p>" + P1 + "</p>");

        assertThat(text(html)).isEqualTo(P1);
    }
}
