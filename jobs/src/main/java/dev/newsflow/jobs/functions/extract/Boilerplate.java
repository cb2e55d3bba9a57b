package dev.newsflow.jobs.functions.extract;

import java.util.regex.Pattern;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * What boilerplate looks like on news pages, independent of any site: tags and ARIA roles that
 * never hold the article, and the short lines that navigation, sharing, related-link, newsletter
 * and metadata blocks consist of. What class and id names say is in {@link ElementNames}.
 */
final class Boilerplate {

    /** Elements whose content is never article text. */
    static final Evaluator NEVER_CONTENT =
            QueryParser.parse(
                    "script, style, noscript, template, svg, canvas, iframe, object, embed, video, audio,"
                            + " input, select, textarea, button, option, label, link, meta, dialog,"
                            + " figcaption");

    /** Page furniture: removed wherever it is, unless it turns out to wrap the article. */
    static final Evaluator FURNITURE =
            QueryParser.parse(
                    "nav, aside, footer, header, menu, [role=navigation], [role=banner],"
                            + " [role=contentinfo], [role=complementary], [role=dialog], [role=alert],"
                            + " [role=search], [role=menu], [role=menubar], [role=toolbar]");

    /** Elements hidden from readers: removed unless they turn out to wrap the article. */
    static final Evaluator HIDDEN = QueryParser.parse("[hidden], [aria-hidden=true]");

    /** Elements that are, or mark, the article itself. */
    static final Evaluator ARTICLE_MARKER =
            QueryParser.parse("main, [role=main], [itemprop=articleBody]");

    /** Lines that introduce links or calls to action rather than article prose. */
    private static final Pattern BOILERPLATE_LINE =
            Pattern.compile(
                    "^(?:read more|read next|see more|see also|more:|related:|related articles"
                            + "|related stories|recommended|don'?t miss|you may also like|you might"
                            + " also like|also read|advertisement|sponsored|share this|share on"
                            + "|follow us|follow him|follow her|click here|sign up|subscribe"
                            + "|copyright|©|all rights reserved|this website uses cookies|we use"
                            + " cookies|by clicking|explore further|image:|photo:|image credit"
                            + "|(?:photo|image)s? (?:by|courtesy)|getty images|caption|close)(?!\\w).*",
                    Pattern.CASE_INSENSITIVE);

    /** A line that is only a date or time, as under a headline. */
    private static final Pattern DATE_LINE =
            Pattern.compile(
                    "^(?:(?:published|updated|posted|last updated|on)[:\\s]+)?"
                            + "(?:[A-Z][a-z]+,?\\s+)?(?:\\d{1,2}\\s+)?[A-Z][a-z]{2,8}\\.?\\s+\\d{1,2}"
                            + "(?:st|nd|rd|th)?,?\\s+\\d{4}(?:[,\\s]+(?:at\\s+)?\\d{1,2}:\\d{2}"
                            + "\\s*(?:[ap]\\.?m\\.?)?(?:\\s*[A-Z]{2,4})?)?\\s*$",
                    Pattern.CASE_INSENSITIVE);

    private static final Pattern TIME = Pattern.compile("\\b\\d{1,2}:\\d{2}\\b");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(?:19|20)\\d{2}(?!\\d)");
    private static final Pattern NUMERIC_DATE =
            Pattern.compile("\\b(?:\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}|\\d{4}-\\d{2}-\\d{2})\\b");
    private static final Pattern LABEL = Pattern.compile("^[^.!?:]{1,30}:\\s");

    private Boilerplate() {}

    static boolean boilerplateLine(String text) {
        return text.length() < 200 && BOILERPLATE_LINE.matcher(text).matches();
    }

    /** A short line that is a date, or carries a clock time and a year: a timestamp. */
    static boolean dateLine(String text) {
        if (text.length() >= 80) {
            return false;
        }
        return DATE_LINE.matcher(text).matches()
                || TIME.matcher(text).find() && YEAR.matcher(text).find()
                || NUMERIC_DATE.matcher(text).find() && text.length() < 40;
    }

    /** "Tags: x", "Filed under: y", "Related: z": a short label followed by links. */
    static boolean labelledLinks(String text, double linkDensity) {
        return text.length() < 100 && linkDensity >= 0.3 && LABEL.matcher(text).find();
    }

    /** A short block without a letter: share counts, page numbers, separators. */
    static boolean noWords(String text) {
        return text.length() <= 10 && text.codePoints().noneMatch(Character::isLetter);
    }
}
