package dev.newsflow.query.feed;

import dev.newsflow.query.config.FeedConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Filters and scores candidates (docs/query-service.md, "Feed ranking"):
 *
 * <pre>
 * similarity = max(0, max over the interest centroids and the profile vector of cos(x, c))
 * recency    = 2^(-age / halfLife)
 * score      = wSim · similarity + wImp · importance + wRec · recency
 * </pre>
 *
 * A cold start has no vectors, so its similarity is 0 and importance and recency rank alone.
 */
public final class FeedRanker {

    /**
     * A candidate with its score and the parts of it.
     *
     * @param nearestInterest index of the persona's interest nearest to the article, or {@code -1}
     * @param similarity the (unclipped) cosine to the nearest query vector, 0 on a cold start
     * @param negative the cosine to the negative profile, 0 without one
     */
    public record Scored(
            Candidate candidate,
            double similarity,
            int nearestInterest,
            double negative,
            double recency,
            double score) {}

    private final FeedConfig config;

    public FeedRanker(FeedConfig config) {
        this.config = config;
    }

    /** The candidates of several queries without duplicates, first occurrence kept. */
    public static List<Candidate> merge(List<List<Candidate>> lists) {
        Map<String, Candidate> byId = new LinkedHashMap<>();
        lists.forEach(list -> list.forEach(c -> byId.putIfAbsent(c.id(), c)));
        return new ArrayList<>(byId.values());
    }

    /**
     * Scores the candidates the user may see, best first (ties by id, so a page is reproducible):
     * drops articles the persona already interacted with, articles shown on earlier pages, and
     * articles at least {@link FeedConfig#negativeSimilarity()} close to the negative profile.
     */
    public List<Scored> rank(List<Candidate> candidates, FeedPersona persona, FeedCursor cursor) {
        Set<Integer> shown = cursor.shownSet();
        List<Scored> scored = new ArrayList<>();
        for (Candidate c : candidates) {
            if (persona.excluded().contains(c.id())
                    || shown.contains(FeedCursor.fingerprint(c.id()))) {
                continue;
            }
            Scored s = score(c, persona, cursor.asOf());
            if (persona.negative() != null && s.negative() >= config.negativeSimilarity()) {
                continue;
            }
            scored.add(s);
        }
        scored.sort(
                Comparator.comparingDouble(Scored::score)
                        .reversed()
                        .thenComparing(s -> s.candidate().id()));
        return scored;
    }

    /** The score of one candidate for {@code persona} at {@code asOf}. */
    public Scored score(Candidate c, FeedPersona persona, Instant asOf) {
        double similarity = 0;
        int nearest = -1;
        List<FeedPersona.Interest> interests = persona.interests();
        for (int i = 0; i < interests.size(); i++) {
            double cos = FeedVectors.cosine(c.embedding(), interests.get(i).centroid());
            if (nearest < 0 || cos > similarity) {
                similarity = cos;
                nearest = i;
            }
        }
        if (persona.vector() != null) {
            double cos = FeedVectors.cosine(c.embedding(), persona.vector());
            similarity = nearest < 0 ? cos : Math.max(similarity, cos);
        }
        double recency = recency(c.publishedAt(), asOf);
        double score =
                config.similarityWeight() * Math.max(0, similarity)
                        + config.importanceWeight() * c.importance()
                        + config.recencyWeight() * recency;
        return new Scored(
                c,
                similarity,
                nearest,
                FeedVectors.cosine(c.embedding(), persona.negative()),
                recency,
                score);
    }

    /** {@code 2^(-age / halfLife)}; 1 for articles from the future, 0 for unknown dates. */
    double recency(Instant publishedAt, Instant asOf) {
        if (publishedAt == null) {
            return 0;
        }
        Duration age = Duration.between(publishedAt, asOf);
        if (age.isNegative()) {
            return 1;
        }
        return Math.pow(2, -(double) age.toMillis() / config.halfLife().toMillis());
    }
}
