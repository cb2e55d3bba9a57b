package dev.newsflow.benchmarks.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real articles the near-duplicate evaluation starts from, read at run time from the shared
 * data directory: the CNN/DailyMail articles of {@code summarization/cnndm-dev.jsonl} and the
 * ground-truth bodies of {@code extraction/ground-truth.json}. Nothing of them is copied into the
 * repository.
 */
final class Corpus {

    static final Path CNNDM = Path.of("summarization", "cnndm-dev.jsonl");
    static final Path EXTRACTION = Path.of("extraction", "ground-truth.json");

    /** Texts this short are too short to be news articles worth deduplicating. */
    static final int MIN_WORDS = 50;

    /** One real article: where it comes from and its text. */
    record Original(String id, String text) {}

    private Corpus() {}

    /** Every article of both files that has at least {@link #MIN_WORDS} words. */
    static List<Original> load(Path dataDir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Original> originals = new ArrayList<>();
        Path cnndm = dataDir.resolve(CNNDM);
        if (Files.isRegularFile(cnndm)) {
            for (String line : Files.readAllLines(cnndm)) {
                if (!line.isBlank()) {
                    JsonNode article = json.readTree(line);
                    add(originals, "cnndm:" + article.path("id").asText(), article.path("article"));
                }
            }
        }
        Path extraction = dataDir.resolve(EXTRACTION);
        if (Files.isRegularFile(extraction)) {
            for (Map.Entry<String, JsonNode> page :
                    json.readTree(extraction.toFile()).properties()) {
                add(originals, "extraction:" + page.getKey(), page.getValue().path("articleBody"));
            }
        }
        if (originals.isEmpty()) {
            throw new IOException(
                    "no articles in "
                            + dataDir.resolve(CNNDM)
                            + " or "
                            + dataDir.resolve(EXTRACTION));
        }
        return originals;
    }

    private static void add(List<Original> originals, String id, JsonNode text) {
        String body = text.asText("").strip();
        if (body.split("\\s+").length >= MIN_WORDS) {
            originals.add(new Original(id, body));
        }
    }
}
