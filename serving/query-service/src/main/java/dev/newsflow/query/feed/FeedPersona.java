package dev.newsflow.query.feed;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the feed reads of a persona document (OpenSearch {@code personas}, written by the persona
 * job; docs/personas.md).
 *
 * @param version the persona's version, {@code -1} when the user has none
 * @param vector the Rocchio profile, or {@code null} (no persona, or dislikes only)
 * @param negative the normalised sum of dislikes and hides, or {@code null}
 * @param interests the interest centroids with their latest article, strongest first
 * @param excluded every article the user liked, rejected or otherwise interacted with
 */
public record FeedPersona(
        String userId,
        long version,
        float[] vector,
        float[] negative,
        List<Interest> interests,
        Set<String> excluded) {

    /** One interest: its unit centroid, decayed weight, and the article that explains it. */
    public record Interest(float[] centroid, double weight, String articleId, String title) {}

    public FeedPersona {
        interests = List.copyOf(interests);
        excluded = Set.copyOf(excluded);
    }

    /** A user without a persona document. */
    public static FeedPersona none(String userId) {
        return new FeedPersona(userId, -1, null, null, List.of(), Set.of());
    }

    /** Reads the {@code _source} of a persona document. */
    public static FeedPersona fromDocument(String userId, JsonObject source) {
        List<Interest> interests = new ArrayList<>();
        for (Object element : source.getJsonArray("interests", new JsonArray())) {
            JsonObject i = (JsonObject) element;
            float[] centroid = FeedVectors.of(i.getJsonArray("centroid"));
            if (centroid != null) {
                interests.add(
                        new Interest(
                                centroid,
                                i.getNumber("weight", 0).doubleValue(),
                                i.getString("articleId"),
                                i.getString("title")));
            }
        }
        interests.sort((a, b) -> Double.compare(b.weight(), a.weight()));
        Set<String> excluded = new HashSet<>();
        for (String field : List.of("likedArticleIds", "rejectedArticleIds", "seenArticleIds")) {
            source.getJsonArray(field, new JsonArray()).forEach(id -> excluded.add((String) id));
        }
        return new FeedPersona(
                userId,
                source.getLong("version", -1L),
                FeedVectors.of(source.getJsonArray("vector")),
                FeedVectors.of(source.getJsonArray("negativeVector")),
                interests,
                excluded);
    }

    /** Whether the feed can be personal: there is a profile vector to search with. */
    public boolean personal() {
        return vector != null;
    }

    /** The vectors to search with: each interest centroid, then the profile vector. */
    public List<float[]> queryVectors() {
        List<float[]> vectors = new ArrayList<>();
        interests.forEach(i -> vectors.add(i.centroid()));
        if (vector != null) {
            vectors.add(vector);
        }
        return vectors;
    }
}
