package dev.newsflow.query.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.inference.embedding.MiniLmEmbedder;
import dev.newsflow.jobs.sinks.ArticleDocuments;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.kafka.Topics;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Fictional football and astrophysics articles for the feed's integration test, embedded by the
 * real MiniLM model as the enrichment job embeds them ({@code title + "\n\n" + text}), and written
 * where the enrichment job writes them: OpenSearch {@code articles} (its document mapping) and
 * Kafka {@code news.enriched} (which the persona job joins interactions with).
 */
public final class FeedArticles {

    /** id, title, text; astrophysics stories are the more important ones. */
    private static final String[][] ARTICLES = {
        {
            "football-0",
            "Rovers win the cup final on penalties",
            "Kessfield Rovers beat Brannock Athletic 5-4 in a penalty shootout after a 1-1 draw."
        },
        {
            "football-1",
            "Striker's late header keeps Athletic in the title race",
            "Brannock Athletic beat Dunmore City 2-1 with a header from a corner in the 89th"
                    + " minute of the league match."
        },
        {
            "football-2",
            "Manager sacked after six league defeats in a row",
            "Dunmore City dismissed their manager after the club slid into the relegation zone."
        },
        {
            "football-3",
            "Midfielder signs record transfer deal",
            "Corrin United paid a club-record fee for the midfielder, who signed a five-year"
                    + " contract."
        },
        {
            "football-4",
            "Goalkeeper injury blow before the derby",
            "Kessfield Rovers will be without their first-choice goalkeeper for Saturday's derby."
        },
        {
            "football-5",
            "Fans celebrate promotion after dramatic final day",
            "Corrin United scored twice in stoppage time to win the league match and go up."
        },
        {
            "astro-0",
            "Water vapour found on distant exoplanet",
            "Astronomers detected water vapour in the atmosphere of a planet orbiting a red dwarf"
                    + " star 120 light years away."
        },
        {
            "astro-1",
            "Telescope captures two neutron stars colliding",
            "A gravitational-wave detector and an orbiting telescope recorded the merger of two"
                    + " neutron stars."
        },
        {
            "astro-2",
            "Black hole at the galaxy's centre is spinning faster than thought",
            "Radio astronomers measured the spin of the supermassive black hole by tracking gas"
                    + " near its event horizon."
        },
        {
            "astro-3",
            "Supernova remnant reveals how heavy elements form",
            "X-ray observations of the remnant of an exploded star show iron and nickel spread"
                    + " through its expanding shell."
        },
        {
            "astro-4",
            "Dark matter map charts the invisible cosmic web",
            "Cosmologists used the weak lensing of two million distant galaxies to map dark"
                    + " matter across the universe."
        },
        {
            "astro-5",
            "Astronomers spot the most distant galaxy yet",
            "The space telescope observed light that left the galaxy 13.5 billion years ago,"
                    + " soon after the Big Bang."
        },
    };

    private FeedArticles() {}

    public static String title(String id) {
        for (String[] a : ARTICLES) {
            if (a[0].equals(id)) {
                return a[1];
            }
        }
        throw new IllegalArgumentException(id);
    }

    /** The articles, published one per 20 minutes before {@code now}, each its own story. */
    public static List<EnrichedArticle> enriched(MiniLmEmbedder embedder, Instant now) {
        List<String> texts = new ArrayList<>();
        for (String[] a : ARTICLES) {
            texts.add(a[1] + "\n\n" + a[2]);
        }
        float[][] vectors = embedder.embed(texts);
        List<EnrichedArticle> articles = new ArrayList<>();
        for (int i = 0; i < ARTICLES.length; i++) {
            String id = ARTICLES[i][0];
            boolean astro = id.startsWith("astro-");
            List<Float> embedding = new ArrayList<>();
            for (float v : vectors[i]) {
                embedding.add(v);
            }
            Instant published = now.minus(Duration.ofMinutes(20L * (i + 1)));
            articles.add(
                    EnrichedArticle.newBuilder()
                            .setId(id)
                            .setUrl(
                                    "https://"
                                            + (astro ? "space" : "sport")
                                            + i % 2
                                            + ".example/"
                                            + id)
                            .setSource((astro ? "space" : "sport") + i % 2 + ".example")
                            .setTitle(ARTICLES[i][1])
                            .setText(ARTICLES[i][2])
                            .setSummary(ARTICLES[i][2])
                            .setLanguage("en")
                            .setEmbedding(embedding)
                            .setEmbeddingModel(MiniLmEmbedder.MODEL_NAME)
                            .setStoryId("story-" + id)
                            .setImportance((astro ? 0.8 : 0.3) - i * 0.01)
                            .setPublishedAt(published)
                            .setFetchedAt(published)
                            .setEnrichedAt(published)
                            .build());
        }
        return articles;
    }

    /** Indexes the articles through the alias as the enrichment job's sink does, and refreshes. */
    public static void index(URI openSearch, List<EnrichedArticle> articles) throws Exception {
        HttpProbe admin = new HttpProbe(openSearch);
        for (EnrichedArticle a : articles) {
            JsonObject doc = new JsonObject(ArticleDocuments.toDocument(a));
            HttpProbe.Answer answer =
                    admin.send(
                            admin.request("articles/_doc/" + a.getId() + "?refresh=true")
                                    .header("Content-Type", "application/json")
                                    .PUT(BodyPublishers.ofString(doc.encode())));
            assertThat(answer.status()).as(answer.body()).isIn(200, 201);
        }
    }

    /** To {@code news.enriched}, keyed by article id as the enrichment job publishes them. */
    public static void publish(String bootstrapServers, List<EnrichedArticle> articles)
            throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (EnrichedArticle a : articles) {
                producer.send(
                                new ProducerRecord<>(
                                        Topics.ENRICHED.name(),
                                        a.getId().getBytes(StandardCharsets.UTF_8),
                                        Topics.ENRICHED.valueSerde().serializer().serialize("", a)))
                        .get();
            }
        }
    }
}
