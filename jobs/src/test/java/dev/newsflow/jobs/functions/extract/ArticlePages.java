package dev.newsflow.jobs.functions.extract;

/**
 * Named fixtures for extraction tests: three paragraphs of a made-up story and a page around them.
 */
final class ArticlePages {

    static final String P1 =
            "The harbour authority confirmed on Monday that the new ferry terminal, delayed for two"
                    + " years by a dispute over dredging, will open to passengers in March.";
    static final String P2 =
            "Officials said the terminal would handle up to 1,200 passengers an hour, double the"
                    + " capacity of the old building, and would run entirely on shore power.";
    static final String P3 =
            "Local businesses, which had complained about lost trade during construction, welcomed"
                    + " the date but asked for more parking near the quay.";

    private ArticlePages() {}

    /** A page with the given body markup. */
    static String page(String body) {
        return "<html><head><title>Ferry terminal to open</title></head><body>"
                + body
                + "</body></html>";
    }

    /** The text extracted from a page. */
    static String text(String html) throws Exception {
        return new ArticleExtractor(1_000_000).extract(html, null).text();
    }
}
