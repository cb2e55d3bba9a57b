package dev.newsflow.jobs.functions.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * The schema.org {@code articleBody} a page declares in JSON-LD, and how far two texts agree. The
 * declared body is only trusted where the page shows it too: publishers leave it stale, truncated
 * to a teaser, or filled with another article.
 */
final class JsonLdArticle {

    private static final JsonMapper JSON =
            JsonMapper.builder()
                    .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
                    .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
                    .build();
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final int SHINGLE = 3;

    private JsonLdArticle() {}

    /** The longest {@code articleBody} in the page's JSON-LD as plain text, or "" if none. */
    static String articleBody(Document doc) {
        String best = "";
        for (JsonNode node : objects(doc)) {
            JsonNode body = node.get("articleBody");
            if (body != null && body.isTextual() && body.asText().length() > best.length()) {
                best = body.asText();
            }
        }
        return toText(best);
    }

    /**
     * Every JSON object in the page's JSON-LD blocks (including {@code @graph} members), those
     * typed as an article or posting first, so that a page's {@code WebPage} or {@code
     * Organization} only answers what its article does not.
     */
    static List<JsonNode> objects(Document doc) {
        List<JsonNode> articles = new ArrayList<>();
        List<JsonNode> others = new ArrayList<>();
        for (Element script : doc.select("script[type=application/ld+json]")) {
            JsonNode root;
            try {
                root = JSON.readTree(script.data());
            } catch (JsonProcessingException | RuntimeException malformed) {
                continue; // A broken JSON-LD block is common and says nothing about the page.
            }
            if (root == null) {
                continue;
            }
            Deque<JsonNode> todo = new ArrayDeque<>(List.of(root));
            while (!todo.isEmpty()) {
                JsonNode node = todo.removeFirst();
                if (node.isObject()) {
                    (isArticle(node) ? articles : others).add(node);
                }
                node.forEach(
                        child -> {
                            if (child.isContainerNode()) {
                                todo.addLast(child);
                            }
                        });
            }
        }
        articles.addAll(others);
        return articles;
    }

    private static boolean isArticle(JsonNode node) {
        JsonNode type = node.get("@type");
        if (type == null) {
            return false;
        }
        for (JsonNode t : type.isArray() ? type : List.of(type)) {
            String name = t.asText();
            if (name.endsWith("Article") || name.endsWith("Posting")) {
                return true;
            }
        }
        return false;
    }

    /** Publishers put HTML and entities in the field; paragraphs become blank-line separated. */
    private static String toText(String body) {
        if (body.isBlank()) {
            return "";
        }
        if (body.indexOf('<') < 0) {
            return Parser.unescapeEntities(body, false).strip();
        }
        Document fragment = Jsoup.parseBodyFragment(body);
        TextStats stats = new TextStats(fragment.body());
        List<BlockCollector.Block> blocks =
                new BlockCollector(stats, false).collect(List.of(fragment.body()));
        return BlockFilter.join(blocks);
    }

    /** Share of the word trigrams of {@code part} that also occur in {@code whole}. */
    static double coverage(String part, String whole) {
        List<String> partShingles = shingles(part);
        if (partShingles.isEmpty()) {
            return 0;
        }
        Set<String> wholeShingles = new HashSet<>(shingles(whole));
        long found = partShingles.stream().filter(wholeShingles::contains).count();
        return (double) found / partShingles.size();
    }

    private static List<String> shingles(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i + SHINGLE <= words.size(); i++) {
            out.add(String.join(" ", words.subList(i, i + SHINGLE)));
        }
        return out;
    }
}
