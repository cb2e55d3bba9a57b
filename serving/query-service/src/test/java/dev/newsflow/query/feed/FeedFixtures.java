package dev.newsflow.query.feed;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Small candidates and personas for the feed's unit tests, in three dimensions. */
final class FeedFixtures {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private FeedFixtures() {}

    static Candidate article(
            String id, String source, String storyId, double importance, float... embedding) {
        return new Candidate(
                id,
                "Title " + id,
                "Summary " + id,
                source,
                storyId,
                NOW.minusSeconds(3600),
                "https://news.example/" + id,
                importance,
                embedding);
    }

    static FeedPersona persona(
            float[] vector,
            float[] negative,
            List<FeedPersona.Interest> interests,
            String... seen) {
        return new FeedPersona("alice", 42, vector, negative, interests, Set.of(seen));
    }

    static FeedPersona.Interest interest(String articleId, String title, float... centroid) {
        return new FeedPersona.Interest(centroid, 1.0, articleId, title);
    }
}
