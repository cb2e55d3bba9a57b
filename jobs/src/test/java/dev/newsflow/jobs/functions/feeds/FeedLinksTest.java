package dev.newsflow.jobs.functions.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.junit.jupiter.api.Test;

class FeedLinksTest {

    @Test
    void xmlBaseResolvesAgainstItsParentsBaseAndTheDocumentUrl() {
        Element feed = base(new Element("feed"), "https://example.com/");
        Element entry = base(new Element("entry"), "test/entry/");
        Element title = base(new Element("title"), "../");
        feed.addContent(entry.addContent(title));

        assertThat(FeedLinks.baseOf(title, null))
                .isEqualTo(URI.create("https://example.com/test/"));
        assertThat(FeedLinks.baseOf(entry, URI.create("https://other.example/feed")))
                .isEqualTo(URI.create("https://example.com/test/entry/"));
    }

    @Test
    void unsafeMalformedAndFragmentBasesAreHandled() {
        Element parent = base(new Element("entry"), "http:///example.com/test/");
        Element unsafe = base(new Element("title"), "javascript:alert('x')");
        Element fragment = base(new Element("summary"), "#top");
        parent.addContent(unsafe);
        parent.addContent(fragment);

        assertThat(FeedLinks.baseOf(parent, null))
                .isEqualTo(URI.create("http://example.com/test/"));
        assertThat(FeedLinks.baseOf(unsafe, null))
                .isEqualTo(URI.create("http://example.com/test/"));
        assertThat(FeedLinks.baseOf(fragment, null))
                .isEqualTo(URI.create("http://example.com/test/"));
    }

    @Test
    void absoluteKeepsOnlyHttpAndResolvesAgainstTheFirstUsableBase() {
        URI site = URI.create("https://site.example");

        assertThat(FeedLinks.absolute("post", null, site)).isEqualTo("https://site.example/post");
        assertThat(FeedLinks.absolute(" \n https://a.example/x y \n", site))
                .isEqualTo("https://a.example/x%20y");
        assertThat(FeedLinks.absolute("/\u00c0", site)).isEqualTo("https://site.example/\u00c0");
        assertThat(FeedLinks.absolute("mailto:a@b.example", site)).isNull();
        assertThat(FeedLinks.absolute("tag:example.com,2005:1", site)).isNull();
        assertThat(FeedLinks.absolute("relative/only", (URI) null)).isNull();
        assertThat(FeedLinks.absolute("", site)).isNull();
    }

    private static Element base(Element element, String base) {
        element.setAttribute("base", base, Namespace.XML_NAMESPACE);
        return element;
    }
}
