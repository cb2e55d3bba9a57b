package dev.newsflow.jobs.testing;

import dev.newsflow.inference.embedding.MiniLmEmbedder;
import dev.newsflow.jobs.functions.Vectors;
import dev.newsflow.schemas.EnrichedArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Fictional articles on two topics, football and astrophysics, embedded with the real MiniLM model
 * the way the enrichment job embeds them ({@code title + "\n\n" + text}).
 */
public final class TopicArticles {

    /** Title and text of each football article. */
    public static final List<String[]> FOOTBALL =
            List.of(
                    new String[] {
                        "Rovers win the cup final on penalties",
                        "Kessfield Rovers beat Brannock Athletic 5-4 in a penalty shootout after a"
                                + " 1-1 draw. Their goalkeeper saved the decisive kick in front of"
                                + " 30,000 fans."
                    },
                    new String[] {
                        "Striker's late header keeps Athletic in the title race",
                        "Brannock Athletic came from behind to beat Dunmore City 2-1, their"
                                + " striker heading in a corner in the 89th minute of the league"
                                + " match."
                    },
                    new String[] {
                        "Manager sacked after six league defeats in a row",
                        "Dunmore City dismissed their manager after the club slid into the"
                                + " relegation zone; the assistant coach will lead training until a"
                                + " replacement is found."
                    },
                    new String[] {
                        "Midfielder signs record transfer deal",
                        "Corrin United paid a club-record fee for the midfielder, who signed a"
                                + " five-year contract and will wear the number eight shirt next"
                                + " season."
                    },
                    new String[] {
                        "Goalkeeper injury blow before the derby",
                        "Kessfield Rovers will be without their first-choice goalkeeper for"
                                + " Saturday's derby after he injured his shoulder in training."
                    });

    /** Title and text of each astrophysics article. */
    public static final List<String[]> ASTROPHYSICS =
            List.of(
                    new String[] {
                        "Water vapour found on distant exoplanet",
                        "Astronomers at Kestrel Ridge Observatory detected water vapour in the"
                                + " atmosphere of KRO-17b, a planet orbiting a red dwarf star 120"
                                + " light years away."
                    },
                    new String[] {
                        "Telescope captures two neutron stars colliding",
                        "A gravitational-wave detector and an orbiting telescope recorded the"
                                + " merger of two neutron stars, releasing gold and platinum into"
                                + " the surrounding galaxy."
                    },
                    new String[] {
                        "Black hole at the galaxy's centre is spinning faster than thought",
                        "Radio astronomers measured the spin of the supermassive black hole by"
                                + " tracking gas that orbits close to its event horizon."
                    },
                    new String[] {
                        "Supernova remnant reveals how heavy elements form",
                        "X-ray observations of the remnant of a star that exploded 400 years"
                                + " ago show iron and nickel spread through its expanding shell."
                    },
                    new String[] {
                        "Dark matter map charts the invisible cosmic web",
                        "Cosmologists used the weak lensing of two million distant galaxies to"
                                + " map how dark matter is spread across the universe."
                    });

    private TopicArticles() {}

    /** The articles of both topics as {@code news.enriched} records, football first. */
    public static List<EnrichedArticle> enriched(MiniLmEmbedder embedder, Instant at) {
        List<String[]> all = new ArrayList<>(FOOTBALL);
        all.addAll(ASTROPHYSICS);
        float[][] vectors = embedder.embed(all.stream().map(a -> a[0] + "\n\n" + a[1]).toList());
        List<EnrichedArticle> articles = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            String topic = i < FOOTBALL.size() ? "football" : "astrophysics";
            articles.add(article(topic + "-" + i, all.get(i)[0], all.get(i)[1], vectors[i], at));
        }
        return articles;
    }

    public static EnrichedArticle article(
            String id, String title, String text, float[] embedding, Instant at) {
        return EnrichedArticle.newBuilder()
                .setId(id)
                .setUrl("https://topics.example/" + id)
                .setSource("topics.example")
                .setTitle(title)
                .setText(text)
                .setEmbedding(Vectors.toList(embedding))
                .setEmbeddingModel(MiniLmEmbedder.MODEL_NAME)
                .setFetchedAt(at)
                .setEnrichedAt(at)
                .build();
    }

    public static boolean isFootball(EnrichedArticle article) {
        return article.getId().startsWith("football-");
    }
}
