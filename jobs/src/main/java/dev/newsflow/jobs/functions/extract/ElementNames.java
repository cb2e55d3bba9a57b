package dev.newsflow.jobs.functions.extract;

import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * What an element's class and id say about it. Names are split into lower-case words at punctuation
 * and camelCase humps ({@code newsCaption} is "news caption", {@code pageRow} is "page row") and
 * matched as whole words: substrings would read "pager" into {@code pageRow} and "share" into
 * {@code shareholders}.
 */
final class ElementNames {

    /** Words of blocks that are not article prose: furniture, promotion, metadata, captions. */
    private static final Pattern NEGATIVE =
            words(
                    "nav|navbar|navigation|menu|breadcrumbs?|cookies?|consent|gdpr|newsletters?"
                            + "|subscribe|subscription|sign ?up|login|comments?|disqus|related"
                            + "|recommended|recommendations|more stories|popular|trending|most read"
                            + "|share|sharing|shares|social|promo|promotion|cta|advert"
                            + "|advertisement|ads?|adslot|dfp|sponsored|sponsor|outbrain|taboola"
                            + "|sidebar|widget|footer|masthead|header|paywall|byline|author"
                            + "|authors|bio|dateline|timestamp|date|meta|tags|tag list|topics"
                            + "|keywords|caption|credits?|print|toolbar|tools|modal|popup|overlay"
                            + "|banner|skip|jump|sr only|screen reader text|pagination|pager"
                            + "|rating|disclaimer|read more|readmore|see also|also read|teasers?"
                            // Hidden, but not Bootstrap's hidden-xs and kin: shown on other
                            // screens.
                            + "|hidden(?! (?:xs|sm|md|lg|xl|mobile|phone|tablet|desktop)(?: |$))");

    /** Words of the article body. */
    private static final Pattern POSITIVE =
            words(
                    "article|articlebody|body|content|entry|main|page|post|text|blog|story"
                            + "|storytext|prose|richtext|hentry");

    /** Readability's "unlikely candidates": blocks that are almost never the article... */
    private static final Pattern UNLIKELY =
            words(
                    "ad|ads|agegate|banner|breadcrumbs?|combx|comments?|community|cookies?"
                            + "|consent|disqus|footer|gdpr|header|legends|menu|newsletters?"
                            + "|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social"
                            + "|sponsor|sponsored|supplemental|pagination|pager|popup|modal"
                            + "|outbrain|taboola|recommend|recommended|recommendations|most read"
                            + "|mostread|trending|share|sharing|subscribe|sign ?up|promo");

    /** ...unless their name also says they may be. */
    private static final Pattern MAYBE = words("article|body|column|content|main|shadow");

    private ElementNames() {}

    private static Pattern words(String alternatives) {
        return Pattern.compile("(?:^| )(?:" + alternatives + ")(?= |$)");
    }

    /** The element's class and id as lower-case words separated by single spaces. */
    static String words(Element e) {
        String className = e.className();
        String id = e.id();
        if (className.isEmpty() && id.isEmpty()) {
            return "";
        }
        // A hand-written split: this runs for most elements of every page.
        StringBuilder out = new StringBuilder(className.length() + id.length() + 8);
        appendWords(className, out);
        appendWords(id, out);
        return out.toString();
    }

    private static void appendWords(String name, StringBuilder out) {
        boolean separate = out.length() > 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                separate = out.length() > 0;
                continue;
            }
            if (i > 0 && Character.isUpperCase(c)) {
                char before = name.charAt(i - 1);
                boolean nextLower =
                        i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                if (Character.isLowerCase(before)
                        || Character.isDigit(before)
                        || (Character.isUpperCase(before) && nextLower)) {
                    separate = true; // A camelCase hump: "newsCaption", "HTMLBlock".
                }
            }
            if (separate) {
                out.append(' ');
                separate = false;
            }
            out.append(Character.toLowerCase(c));
        }
    }

    /** Named like navigation, sharing, promotion, metadata or a caption. */
    static boolean negative(Element e) {
        return NEGATIVE.matcher(words(e)).find();
    }

    /** Named like the article body, or marked as it. */
    static boolean positive(Element e) {
        return POSITIVE.matcher(words(e)).find()
                || "articleBody".equals(e.attr("itemprop"))
                || "main".equals(e.attr("role"));
    }

    /** Named like comments, a sidebar, related links and the like, and not like content. */
    static boolean unlikely(Element e) {
        String words = words(e);
        return UNLIKELY.matcher(words).find() && !MAYBE.matcher(words).find();
    }

    /** Readability's class weight: article-like names up, boilerplate names down. */
    static int classWeight(Element e) {
        return (negative(e) ? -25 : 0) + (positive(e) ? 25 : 0);
    }
}
