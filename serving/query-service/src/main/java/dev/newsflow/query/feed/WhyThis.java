package dev.newsflow.query.feed;

import dev.newsflow.query.config.FeedConfig;

/**
 * The one-line reason shown with a feed item. It names the larger of the two parts of the score a
 * reader can relate to: the similarity to an interest ("close to what you liked: <the interest's
 * latest article>") or the story's importance ("top story: N sources"). Costs nothing beyond the
 * one stories request of the page.
 */
public final class WhyThis {

    private WhyThis() {}

    /**
     * @param storySources how many sources report the article's story, or {@code null} when unknown
     */
    public static String explain(
            FeedRanker.Scored scored,
            FeedPersona persona,
            Integer storySources,
            FeedConfig config) {
        double bySimilarity = config.similarityWeight() * Math.max(0, scored.similarity());
        double byImportance = config.importanceWeight() * scored.candidate().importance();
        if (persona.personal() && bySimilarity > 0 && bySimilarity >= byImportance) {
            int nearest = scored.nearestInterest();
            String title = nearest < 0 ? null : persona.interests().get(nearest).title();
            return title == null || title.isBlank()
                    ? "close to what you liked"
                    : "close to what you liked: " + title;
        }
        if (storySources == null || storySources < 1) {
            return "top story";
        }
        return "top story: " + storySources + (storySources == 1 ? " source" : " sources");
    }
}
