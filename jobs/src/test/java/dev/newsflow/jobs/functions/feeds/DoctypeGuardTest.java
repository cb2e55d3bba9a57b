package dev.newsflow.jobs.functions.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DoctypeGuardTest {

    @Test
    void aDocumentWithoutDoctypeIsUntouched() throws Exception {
        String xml = "<?xml version=\"1.0\"?><!-- c --><rss>&amp;&x;</rss>";

        assertThat(DoctypeGuard.apply(xml).text()).isEqualTo(xml);
    }

    @Test
    void theDoctypeIsRemovedAndItsEntitiesExpandedOutsideCdataAndComments() throws Exception {
        String xml =
                "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n <!-- ] > -->\n"
                        + " <!ENTITY who 'World \"&amp;\" co'>\n <!ENTITY hi \"Hello &who;\">\n]>\n"
                        + "<rss a=\"&hi;\">&hi;<![CDATA[&hi;]]><!-- &hi; -->&lt;</rss>";

        DoctypeGuard.Result result = DoctypeGuard.apply(xml);

        assertThat(result.text())
                .isEqualTo(
                        "<?xml version=\"1.0\"?>\n\n<rss a=\"Hello World &quot;&amp;&quot; co\">"
                                + "Hello World \"&amp;\" co<![CDATA[&hi;]]><!-- &hi; -->&lt;</rss>");
        assertThat(result.notes()).containsExactly("DOCTYPE entity references expanded (2)");
    }

    @Test
    void htmlEntitySetsByPublicIdAreNotLoadedButAccepted() throws Exception {
        String xml =
                "<!DOCTYPE rdf:RDF [<!ENTITY % HTMLlat1 PUBLIC \"-//W3C//ENTITIES Latin 1 for"
                        + " XHTML//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml-lat1.ent\">"
                        + " %HTMLlat1;]><rdf:RDF/>";

        assertThat(DoctypeGuard.apply(xml).text()).isEqualTo("<rdf:RDF/>");
    }

    @Test
    void selfReferenceAndDeepNestingAreRejected() {
        assertThatThrownBy(
                        () ->
                                DoctypeGuard.apply(
                                        "<!DOCTYPE r [<!ENTITY a \"&b;\"><!ENTITY b \"&a;\">]><r>&a;</r>"))
                .hasMessageContaining("refers to itself");
        StringBuilder deep = new StringBuilder("<!DOCTYPE r [<!ENTITY e0 \"x\">");
        for (int i = 1; i <= 20; i++) {
            deep.append("<!ENTITY e").append(i).append(" \"&e").append(i - 1).append(";\">");
        }
        assertThatThrownBy(() -> DoctypeGuard.apply(deep + "]><r>&e20;</r>"))
                .hasMessageContaining("nested deeper than " + DoctypeGuard.MAX_DEPTH);
    }

    @Test
    void anUnterminatedDoctypeIsMalformed() {
        assertThatThrownBy(() -> DoctypeGuard.apply("<!DOCTYPE rss [ <!ENTITY a \"x\"> <rss/>"))
                .hasMessage("malformed XML: unterminated DOCTYPE declaration");
    }
}
