package dev.newsflow.jobs.functions.stories;

import dev.newsflow.jobs.config.StoryConfig;
import dev.newsflow.schemas.EnrichedArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Articles with constructed embeddings: every topic (0 to 99) is one axis of the 384-dimensional
 * space and each article leans a little towards an axis of its own (from its id), so two articles
 * on one topic have cosine {@code cos²(}{@value #LEAN}{@code ) ≈ 0.91} and articles on different
 * topics 0.
 */
final class StoryFixtures {

    static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");

    static final int DIMENSION = 384;

    static final double LEAN = 0.3;

    private StoryFixtures() {}

    static Builder article(String id) {
        return new Builder(id);
    }

    /** The defaults with some variables overridden, as the job would read them. */
    static StoryConfig config(String... keyValues) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return StoryConfig.fromEnv(env);
    }

    static final class Builder {
        private final String id;
        private String source = "example.org";
        private int topic;
        private Instant published = T0;
        private Instant fetched = T0;
        private String language = "en";
        private Double model;
        private List<Float> embedding;

        private Builder(String id) {
            this.id = id;
        }

        Builder topic(int value) {
            this.topic = value;
            return this;
        }

        Builder source(String value) {
            this.source = value;
            return this;
        }

        /** Published and fetched {@code minutes} after {@link #T0}. */
        Builder at(long minutes) {
            this.published = T0.plus(Duration.ofMinutes(minutes));
            this.fetched = published;
            return this;
        }

        /** Published {@code minutes} after {@link #T0}, fetched {@code delay} minutes later. */
        Builder publishedAt(long minutes, long delay) {
            this.published = T0.plus(Duration.ofMinutes(minutes));
            this.fetched = published.plus(Duration.ofMinutes(delay));
            return this;
        }

        Builder language(String value) {
            this.language = value;
            return this;
        }

        Builder model(double rating) {
            this.model = rating;
            return this;
        }

        Builder embedding(List<Float> value) {
            this.embedding = value;
            return this;
        }

        EnrichedArticle build() {
            Map<String, Double> components = new HashMap<>();
            if (model != null) {
                components.put(Importance.MODEL, model);
            }
            return EnrichedArticle.newBuilder()
                    .setId(id)
                    .setUrl("https://" + source + "/" + id)
                    .setSource(source)
                    .setTitle("Topic " + topic + " report " + id)
                    .setText("Reporting on topic " + topic + ". More details of the event.")
                    .setSummary("Summary of " + id)
                    .setLanguage(language)
                    .setEmbedding(
                            embedding != null
                                    ? embedding
                                    : leaning(
                                            topic,
                                            100 + Math.floorMod(id.hashCode(), DIMENSION - 100)))
                    .setEmbeddingModel("all-MiniLM-L6-v2")
                    .setPublishedAt(published)
                    .setFetchedAt(fetched)
                    .setEnrichedAt(fetched)
                    .setImportanceComponents(components)
                    .build();
        }
    }

    /** Unit vector: cos(LEAN) on the topic's axis, sin(LEAN) on the article's own axis. */
    static List<Float> leaning(int topic, int ownAxis) {
        List<Float> v = new ArrayList<>(DIMENSION);
        for (int i = 0; i < DIMENSION; i++) {
            v.add(0f);
        }
        v.set(topic, (float) Math.cos(LEAN));
        v.set(ownAxis, (float) Math.sin(LEAN));
        return v;
    }
}
