package dev.newsflow.jobs.functions.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Removes what is never article text before the article is looked for: scripts, media, form
 * controls, hidden elements, and page furniture (navigation, banners, asides, footers). Furniture
 * that wraps a large share of the page's prose is kept: some sites put the whole story in a {@code
 * <header>} or mark its container {@code role=complementary}.
 */
final class PageCleaner {

    /** Furniture holding more than this share of the page's non-link text is not removed. */
    private static final double MAX_REMOVED_SHARE = 0.4;

    /** Furniture with less prose than this is removed whatever the share. */
    private static final int MIN_PROTECTED_CHARS = 200;

    private PageCleaner() {}

    static void clean(Document doc, boolean removeUnlikely) {
        Element body = doc.body();
        body.select(Boilerplate.NEVER_CONTENT).remove();
        TextStats stats = new TextStats(body);
        double limit = Math.max(MIN_PROTECTED_CHARS, MAX_REMOVED_SHARE * prose(stats, body));
        List<Element> doomed = new ArrayList<>();
        for (Element e : body.select(Boilerplate.FURNITURE)) {
            if (prose(stats, e) <= limit) {
                doomed.add(e);
            }
        }
        for (Element e : body.getAllElements()) {
            if ((hiddenByStyle(e) || e.is(Boilerplate.HIDDEN)) && prose(stats, e) <= limit) {
                doomed.add(e);
            }
        }
        if (removeUnlikely) {
            for (Element e : body.getAllElements()) {
                if (e != body && ElementNames.unlikely(e) && !holdsArticle(e)) {
                    doomed.add(e);
                }
            }
        }
        doomed.forEach(Element::remove);
    }

    /** Whether an element with an unlikely name still wraps the article's body or headline. */
    private static boolean holdsArticle(Element e) {
        return e.selectFirst(Boilerplate.ARTICLE_MARKER) != null || e.selectFirst("h1") != null;
    }

    private static int prose(TextStats stats, Element e) {
        return stats.chars(e) - stats.linkChars(e);
    }

    private static boolean hiddenByStyle(Element e) {
        String style = e.attr("style");
        if (style.isEmpty()) {
            return false;
        }
        String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
        return s.contains("display:none") || s.contains("visibility:hidden");
    }
}
