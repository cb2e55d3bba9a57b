package dev.newsflow.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.inference.embedding.MiniLmEmbedder;
import dev.newsflow.inference.embedding.TextEmbedder;
import dev.newsflow.inference.summarization.SentenceSplitter;
import dev.newsflow.jobs.functions.Vectors;
import dev.newsflow.schemas.search.EmbeddingBytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A large article corpus grown from a few real ones: passages of five consecutive sentences (every
 * second sentence starts one) of the CNN/DailyMail articles, each embedded once with the real
 * MiniLM model, then repeated with small random perturbations of the vector, other sources, times,
 * stories and importance. Text and vectors stay those of real news, so BM25 and kNN work on
 * realistic term statistics and neighbour structure, while indexing 100,000 articles takes seconds
 * of embedding rather than an hour.
 */
final class QueryCorpus {

    static final int PASSAGE_SENTENCES = 5;
    static final int PASSAGE_STEP = 2;
    static final int SOURCES = 40;
    static final int ARTICLES_PER_STORY = 12;

    /** One embedded passage: the seed of many articles. */
    record Passage(String title, String text, float[] embedding) {}

    private final List<Passage> passages;
    private final Instant now;
    private final Duration spread;

    QueryCorpus(List<Passage> passages, Instant now, Duration spread) {
        this.passages = passages;
        this.now = now;
        this.spread = spread;
    }

    /** Passages of {@code jsonl} ({"id", "article"} lines), embedded by {@code embedder}. */
    static List<Passage> passages(Path jsonl, TextEmbedder embedder) throws IOException {
        ObjectMapper json = new ObjectMapper();
        SentenceSplitter splitter = new SentenceSplitter();
        List<String> titles = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (String line : Files.readAllLines(jsonl)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode article = json.readTree(line);
            List<String> sentences = splitter.split(article.path("article").asText());
            for (int s = 0; s + PASSAGE_SENTENCES <= sentences.size(); s += PASSAGE_STEP) {
                List<String> passage = sentences.subList(s, s + PASSAGE_SENTENCES);
                titles.add(title(passage.get(0)));
                texts.add(String.join(" ", passage));
            }
        }
        List<Passage> passages = new ArrayList<>();
        for (int from = 0; from < texts.size(); from += 32) {
            int to = Math.min(texts.size(), from + 32);
            float[][] vectors = embedder.embed(texts.subList(from, to));
            for (int i = from; i < to; i++) {
                passages.add(new Passage(titles.get(i), texts.get(i), vectors[i - from]));
            }
        }
        return passages;
    }

    int passageCount() {
        return passages.size();
    }

    /** Article {@code i} as an {@code articles} document (the strict mapping's fields). */
    Map<String, Object> article(int i) {
        Random random = new Random(i);
        Passage p = passages.get(i % passages.size());
        String id = articleId(i);
        Instant published = now.minusMillis((long) (random.nextDouble() * spread.toMillis()));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", id);
        doc.put("url", "https://source" + (i % SOURCES) + ".example/" + id);
        doc.put("source", "source" + (i % SOURCES) + ".example");
        doc.put("title", p.title());
        doc.put("text", p.text());
        doc.put("summary", p.text().substring(0, Math.min(280, p.text().length())));
        doc.put("language", "en");
        float[] embedding = perturbed(p.embedding(), random);
        doc.put("embedding", Vectors.toList(embedding));
        doc.put(EmbeddingBytes.FIELD, EmbeddingBytes.encode(embedding));
        doc.put("embeddingModel", MiniLmEmbedder.MODEL_NAME);
        doc.put("storyId", "story-" + (i / ARTICLES_PER_STORY));
        doc.put("importance", (float) Math.pow(random.nextDouble(), 2));
        doc.put("publishedAt", published.toString());
        doc.put("fetchedAt", published.toString());
        doc.put("enrichedAt", published.toString());
        return doc;
    }

    /** A search query: three to five words from the start of a passage's first sentence. */
    String query(Random random) {
        String[] words = passages.get(random.nextInt(passages.size())).title().split(" ");
        int n = Math.min(words.length, 3 + random.nextInt(3));
        return String.join(" ", java.util.Arrays.asList(words).subList(0, n));
    }

    /** The embedding of a random passage, for a persona's interests. */
    float[] interest(Random random) {
        return passages.get(random.nextInt(passages.size())).embedding();
    }

    static String articleId(int i) {
        return String.format("bench-%06d", i);
    }

    /** The vector plus Gaussian noise, renormalised: cosine to the original ≈ 0.9. */
    private static float[] perturbed(float[] v, Random random) {
        float[] noisy = new float[v.length];
        double sigma = 0.025;
        for (int d = 0; d < v.length; d++) {
            noisy[d] = (float) (v[d] + sigma * random.nextGaussian());
        }
        return Vectors.normalized(noisy);
    }

    private static String title(String sentence) {
        String[] words = sentence.split("\\s+");
        return String.join(
                " ", java.util.Arrays.asList(words).subList(0, Math.min(14, words.length)));
    }
}
