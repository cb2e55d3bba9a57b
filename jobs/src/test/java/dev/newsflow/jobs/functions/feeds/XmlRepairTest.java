package dev.newsflow.jobs.functions.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlRepairTest {

    @Test
    void wellFormedInputComesOutUnchanged() {
        String xml =
                "<rss version=\"2.0\"><channel><title>A &amp; B &#8211; &lt;ok&gt;</title>"
                        + "<!-- c --><description><![CDATA[<p>&nbsp;</p>]]></description>"
                        + "<?pi x?></channel></rss>";

        XmlRepair.Result result = XmlRepair.repair(xml);

        assertThat(result.text()).isEqualTo(xml);
        assertThat(result.repairs()).isEmpty();
    }

    @Test
    void referencesAreRepaired() {
        XmlRepair.Result result =
                XmlRepair.repair("<t>&nbsp;&bogus; & &#0; &#146; &#xD800; &amp</t>");

        assertThat(result.text()).isEqualTo("<t>&#160;&amp;bogus; &amp;  &#8217;  &amp;amp</t>");
        assertThat(result.repairs())
                .containsExactly(
                        "undeclared HTML entities replaced",
                        "unknown entities kept as text",
                        "bare ampersands escaped (2)",
                        "references to characters not allowed in XML removed (2)",
                        "C1 character references read as windows-1252");
    }

    @Test
    void aCdataEndInTextIsEscaped() {
        assertThat(XmlRepair.repair("<r>a]]>b</r>").text()).isEqualTo("<r>a]]&gt;b</r>");
    }

    @Test
    void attributesAreQuotedCompletedAndDeduplicated() {
        XmlRepair.Result result =
                XmlRepair.repair("<a href=x?a=1&b=2 checked title='say \"hi\"' href=\"y\">z</a>");

        assertThat(result.text())
                .isEqualTo(
                        "<a href=\"x?a=1&amp;b=2\" checked=\"checked\""
                                + " title=\"say &quot;hi&quot;\">z</a>");
    }

    @Test
    void junkAroundTheRootAndMisplacedDeclarationsGo() {
        XmlRepair.Result result =
                XmlRepair.repair(
                        "garbage<!-- c --><?xml version=\"1.0\"?><r>x</r>tail<r>again</r>");

        assertThat(result.text()).isEqualTo("<!-- c --><r>x</r>");
        assertThat(result.repairs())
                .containsExactly(
                        "text before the root element removed",
                        "XML declaration not at the start removed",
                        "content after the root element removed");
    }

    @Test
    void endTagsAreBalanced() {
        assertThat(XmlRepair.repair("<r><a><b>x</a><c>y</C></x></r>").text())
                .isEqualTo("<r><a><b>x</b></a><c>y</c></r>");
        assertThat(XmlRepair.repair("<r><a>1 < 2<![CDATA[open").text())
                .isEqualTo("<r><a>1 &lt; 2<![CDATA[open]]></a></r>");
        assertThat(XmlRepair.repair("<rss><channel><item><title>t</item><item>u</rss").text())
                .isEqualTo(
                        "<rss><channel><item><title>t</title></item><item>u</item></channel></rss>");
    }

    @Test
    void undeclaredPrefixesAreDeclaredOnTheRoot() {
        XmlRepair.Result result =
                XmlRepair.repair(
                        "<rss xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><itunes:x/>"
                                + "<dc:date/><y custom:a=\"1\"/></rss>");

        assertThat(result.text())
                .isEqualTo(
                        "<rss xmlns:custom=\"urn:x-undeclared-prefix:custom\""
                                + " xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\""
                                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><itunes:x/>"
                                + "<dc:date/><y custom:a=\"1\"/></rss>");
    }
}
