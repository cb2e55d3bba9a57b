package dev.newsflow.jobs.functions.extract;

import static dev.newsflow.jobs.functions.extract.ArticlePages.P1;
import static dev.newsflow.jobs.functions.extract.ArticlePages.P2;
import static dev.newsflow.jobs.functions.extract.ArticlePages.P3;
import static dev.newsflow.jobs.functions.extract.ArticlePages.page;
import static dev.newsflow.jobs.functions.extract.ArticlePages.text;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What is dropped from inside the article, and how its blocks become text. */
class MainTextCleanupTest {

    @Test
    void readsParagraphsSeparatedByLineBreaks() throws Exception {
        String html =
                page(
                        "<div class='content'>"
                                + P1
                                + "<br><br>"
                                + P2
                                + "<br>Line two of the second paragraph.<br><br>"
                                + P3
                                + "</div>");

        assertThat(text(html))
                .isEqualTo(P1 + "\n\n" + P2 + "\nLine two of the second paragraph.\n\n" + P3);
    }

    @Test
    void dropsCaptionsCreditsBylinesAndDates() throws Exception {
        String html =
                page(
                        "<article><div class='byline'>By Mara Quist</div><p>November 18, 2019</p>"
                                + "<p>"
                                + P1
                                + "</p><figure><img src='a.jpg'><figcaption>The quay at dawn"
                                + "</figcaption></figure><div class='photo'><img src='b.jpg'>"
                                + "<span>Ferries waiting in the rain (Image: Agency)</span></div>"
                                + "<p>"
                                + P2
                                + "</p><span class='imageCredit'>Photo: Agency</span></article>");

        assertThat(text(html)).isEqualTo(P1 + "\n\n" + P2);
    }

    @Test
    void dropsLinkListsButKeepsParagraphsThatLinkPartOfASentence() throws Exception {
        String linked =
                "The operator was <a href='/x'>fined last year for late sailings</a> on the route.";
        String html =
                page(
                        "<article><p>"
                                + P1
                                + "</p><p>"
                                + linked
                                + "</p><h3>Related stories</h3><ul><li><a href='/a'>Bridge"
                                + " tolls rise again</a></li><li><a href='/b'>Harbour dredging"
                                + " approved</a></li></ul><p>"
                                + P2
                                + "</p><p><a href='/c'>HARBOUR BOSS QUITS AFTER TWO YEARS</a>"
                                + "</p></article>");

        assertThat(text(html))
                .isEqualTo(
                        P1
                                + "\n\nThe operator was fined last year for late sailings on the"
                                + " route.\n\n"
                                + P2);
    }

    @Test
    void dropsBoilerplateLinesAndLabelledLinkLists() throws Exception {
        String html =
                page(
                        "<article><p>"
                                + P1
                                + "</p><p>READ MORE: <a href='/r'>Ferry fares frozen</a></p>"
                                + "<p>Advertisement</p><p>"
                                + P2
                                + "</p><div>Tags: <a href='/t/ferries'>Ferries</a>, <a"
                                + " href='/t/port'>Port</a></div><p>© 2026 The Gazette. All"
                                + " rights reserved.</p><p>Updated 18.11.2019, 21:17</p></article>");

        assertThat(text(html)).isEqualTo(P1 + "\n\n" + P2);
    }

    @Test
    void keepsSectionHeadingsAndDropsHeadingsLeftWithoutContent() throws Exception {
        String html =
                page(
                        "<article><p>"
                                + P1
                                + "</p><h2>What changes for passengers</h2><h3>Timetable</h3><p>"
                                + P2
                                + "</p><h2>More from the Gazette</h2><ul><li><a href='/a'>One"
                                + " story</a></li><li><a href='/b'>Another story</a></li></ul>"
                                + "</article>");

        assertThat(text(html))
                .isEqualTo(P1 + "\n\nWhat changes for passengers\n\nTimetable\n\n" + P2);
    }

    @Test
    void readsTableRowsAsLines() throws Exception {
        String html =
                page(
                        "<article><p>"
                                + P1
                                + "</p><table><tr><th>Route</th><th>Sailings</th></tr>"
                                + "<tr><td>Kessfield</td><td>12</td></tr><tr><td>Brannock</td>"
                                + "<td>4</td></tr></table></article>");

        assertThat(text(html)).endsWith("Route Sailings\n\nKessfield 12\n\nBrannock 4");
    }

    @Test
    void dropsHiddenElements() throws Exception {
        String html =
                page(
                        "<article><p>"
                                + P1
                                + "</p><div style='display: none'>Hidden promo text</div><p"
                                + " hidden>Hidden paragraph</p><div aria-hidden='true'>Screen"
                                + " reader skip</div><p>"
                                + P2
                                + "</p></article>");

        assertThat(text(html)).isEqualTo(P1 + "\n\n" + P2);
    }
}
