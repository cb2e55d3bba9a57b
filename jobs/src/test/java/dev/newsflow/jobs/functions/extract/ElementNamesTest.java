package dev.newsflow.jobs.functions.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ElementNamesTest {

    private static Element element(String html) {
        return Jsoup.parseBodyFragment(html).body().child(0);
    }

    @Test
    void splitsClassAndIdIntoWordsAtPunctuationAndCamelCase() {
        assertThat(ElementNames.words(element("<div class='newsCaption x_y' id='ArticleBody-6'>")))
                .isEqualTo("news caption x y article body 6");
        assertThat(ElementNames.words(element("<div class='HTMLBlock'>"))).isEqualTo("html block");
        assertThat(ElementNames.words(element("<div>"))).isEmpty();
    }

    @Test
    void unlikelyBlocksAreCommentsSidebarsAndTheLikeUnlessNamedLikeContent() {
        assertThat(ElementNames.unlikely(element("<div id='comments'>"))).isTrue();
        assertThat(ElementNames.unlikely(element("<div class='sidebar-widget'>"))).isTrue();
        assertThat(ElementNames.unlikely(element("<div id='commentsContainer'>"))).isTrue();
        assertThat(ElementNames.unlikely(element("<div class='article-body share-on'>"))).isFalse();
        // Whole words only: no "pager" in pageRow, no "share" in shareholders.
        assertThat(ElementNames.unlikely(element("<div class='PageBuilder-pageRow'>"))).isFalse();
        assertThat(ElementNames.unlikely(element("<div class='shareholders-letter'>"))).isFalse();
        assertThat(ElementNames.unlikely(element("<div class='commentary'>"))).isFalse();
    }

    @Test
    void negativeNamesCoverFurnitureMetadataCaptionsAndHiddenText() {
        assertThat(ElementNames.negative(element("<div class='social-share'>"))).isTrue();
        assertThat(ElementNames.negative(element("<span class='newsCaption'>"))).isTrue();
        assertThat(ElementNames.negative(element("<div class='ArticleByline'>"))).isTrue();
        assertThat(ElementNames.negative(element("<span class='visually-hidden'>"))).isTrue();
        assertThat(ElementNames.negative(element("<div class='hidden-xs story'>"))).isFalse();
        assertThat(ElementNames.negative(element("<div class='shared-story'>"))).isFalse();
    }

    @Test
    void classWeightRaisesBodiesAndLowersFurniture() {
        assertThat(ElementNames.classWeight(element("<div class='entry-content'>"))).isEqualTo(25);
        assertThat(ElementNames.classWeight(element("<div itemprop='articleBody'>"))).isEqualTo(25);
        assertThat(ElementNames.classWeight(element("<div class='related'>"))).isEqualTo(-25);
        assertThat(ElementNames.classWeight(element("<div class='article-header'>"))).isZero();
        assertThat(ElementNames.classWeight(element("<div class='row'>"))).isZero();
    }
}
