package dev.newsflow.jobs.functions.feeds;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jdom2.Content;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Second chance for documents that are RSS by their root but that Rome does not take: it picks a
 * parser by the version attribute and the namespace, and fails on a missing channel. Rewrites the
 * tree so that Rome can read it, and says what it changed.
 */
final class FeedShape {

    static final Namespace RSS_090 =
            Namespace.getNamespace("http://my.netscape.com/rdf/simple/0.9/");
    static final Namespace RSS_10 = Namespace.getNamespace("http://purl.org/rss/1.0/");

    private static final Set<String> ROME_RSS_VERSIONS =
            Set.of("0.91", "0.92", "0.93", "0.94", "2.0");

    private FeedShape() {}

    /** Adjusts the tree; returns what was done, empty when there is nothing to adjust. */
    static List<String> normalize(Element root) {
        List<String> changes = new ArrayList<>();
        if (root.getName().equals("rss")) {
            String version = root.getAttributeValue("version");
            if (version == null || !ROME_RSS_VERSIONS.contains(version)) {
                root.setAttribute("version", "2.0");
                changes.add("RSS version '" + (version == null ? "" : version) + "' read as 2.0");
            }
            if (root.getChild("channel", root.getNamespace()) == null) {
                wrapInChannel(root, root.getNamespace());
                changes.add("RSS without <channel>: its content read as the channel");
            }
        } else if (root.getName().equals("RDF")) {
            Namespace rss = rssNamespace(root);
            if (!rss.equals(RSS_090) && !rss.equals(RSS_10)) {
                Namespace known = rss.getURI().contains("netscape") ? RSS_090 : RSS_10;
                moveToNamespace(root, rss, known);
                // Rome recognises RSS 0.90 and 1.0 by the default namespace declared on the root.
                for (Namespace ns : new ArrayList<>(root.getAdditionalNamespaces())) {
                    if (ns.getPrefix().isEmpty()) {
                        root.removeNamespaceDeclaration(ns);
                    }
                }
                root.addNamespaceDeclaration(known);
                changes.add("RSS namespace " + rss.getURI() + " read as " + known.getURI());
                rss = known;
            }
            if (root.getChild("channel", rss) == null) {
                root.addContent(0, new Element("channel", rss));
                changes.add("RSS without <channel>: empty channel added");
            }
        }
        return changes;
    }

    /** The namespace of the RDF document's channel or items (else its default namespace). */
    private static Namespace rssNamespace(Element root) {
        for (Element child : root.getChildren()) {
            if (child.getName().equals("channel") || child.getName().equals("item")) {
                return child.getNamespace();
            }
        }
        for (Namespace ns : root.getNamespacesIntroduced()) {
            if (ns.getURI().equals(RSS_10.getURI()) || ns.getURI().equals(RSS_090.getURI())) {
                return ns.getPrefix().isEmpty() ? ns : Namespace.getNamespace(ns.getURI());
            }
        }
        return root.getNamespace("");
    }

    private static void wrapInChannel(Element root, Namespace ns) {
        Element channel = new Element("channel", ns);
        List<Content> content = new ArrayList<>(root.getContent());
        root.removeContent();
        channel.addContent(content);
        root.addContent(channel);
    }

    private static void moveToNamespace(Element element, Namespace from, Namespace to) {
        if (element.getNamespace().equals(from)) {
            element.setNamespace(to);
        }
        for (Element child : element.getChildren()) {
            moveToNamespace(child, from, to);
        }
    }
}
