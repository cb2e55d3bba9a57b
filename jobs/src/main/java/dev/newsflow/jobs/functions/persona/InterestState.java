package dev.newsflow.jobs.functions.persona;

import dev.newsflow.jobs.functions.Vectors;

/**
 * One interest cluster in a persona's state: the time-decayed sum of its articles' embeddings
 * (weighted), the decayed sum of those weights, and its most recent article. Both sums are as of
 * the persona's reference time ({@link PersonaState#asOf()}). Immutable by convention; a Java
 * record, so Flink serializes it as a POJO (no Kryo).
 */
public record InterestState(
        float[] sum, double weight, long count, long lastUpdated, String articleId, String title) {

    /** A new cluster holding one article. */
    static InterestState of(
            float[] embedding, double weight, long at, String articleId, String title) {
        return new InterestState(
                Vectors.scaled(embedding, weight), weight, 1, at, articleId, title);
    }

    public float[] centroid() {
        return Vectors.normalized(sum);
    }

    InterestState decayed(double factor) {
        return new InterestState(
                Vectors.scaled(sum, factor), weight * factor, count, lastUpdated, articleId, title);
    }

    /** This cluster with one more article; the representative is the most recent article. */
    InterestState plus(float[] embedding, double w, long at, String id, String articleTitle) {
        boolean newer = at >= lastUpdated;
        return new InterestState(
                Vectors.plus(sum, embedding, w),
                weight + w,
                count + 1,
                Math.max(lastUpdated, at),
                newer ? id : articleId,
                newer ? articleTitle : title);
    }

    /** The union of two clusters. */
    InterestState merged(InterestState other) {
        InterestState later = other.lastUpdated > lastUpdated ? other : this;
        return new InterestState(
                Vectors.plus(sum, other.sum, 1),
                weight + other.weight,
                count + other.count,
                later.lastUpdated,
                later.articleId,
                later.title);
    }
}
