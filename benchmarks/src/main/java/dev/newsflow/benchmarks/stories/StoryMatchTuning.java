package dev.newsflow.benchmarks.stories;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.benchmarks.summarization.SummarizationExample;
import dev.newsflow.inference.embedding.MiniLmEmbedder;
import dev.newsflow.jobs.functions.Vectors;
import dev.newsflow.jobs.functions.extract.ArticleExtractor;
import dev.newsflow.jobs.functions.extract.HtmlDecoder;
import dev.newsflow.jobs.functions.stories.Keywords;
import dev.newsflow.jobs.functions.stories.StoryMatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * How the story matching defaults (threshold, keyword bonus) were chosen: embeds real articles with
 * all-MiniLM-L6-v2 in-process, exactly as the job does ({@code title + "\n\n" + text}), and prints
 * the match score of same-event pairs against pairs of different events. Run by hand: {@code
 * StoryMatchTuning ../shared/data/extraction ../shared/data/summarization/cnndm-dev.jsonl}.
 *
 * <p>Labels: the extraction sample (61 pages from November 2019) holds a few articles about the
 * same event from different outlets, listed in {@link #SAME}; {@link #RELATED} are pairs on one
 * topic but about different events, which should stay apart. Every other pair is a different event.
 * CNN/DailyMail adds 84 more articles (more different-event pairs) and, as a weaker positive, each
 * article against its human-written highlights.
 */
public final class StoryMatchTuning {

    /** Same event, different outlets (page id prefixes of the extraction sample). */
    static final List<String[]> SAME =
            List.of(
                    pair(
                            "c7e39ac4",
                            "dc7ccccc",
                            "Sweden drops Assange investigation (BBC, Al Bawaba)"),
                    pair(
                            "1f765c48",
                            "87bf6057",
                            "Prince Andrew's Epstein interview (Sputnik, Wash. Ex.)"),
                    pair(
                            "7bb1ca90",
                            "a078b365",
                            "feather duvet lung case report (Gizmodo, Forbes)"),
                    pair("65bf3048", "5fa5679d", "16-inch MacBook Pro review / teardown"),
                    pair("624fcd90", "e4c6a3b4", "Hong Kong PolyU siege (Express, Wash. Examiner)"),
                    pair(
                            "c90731f0",
                            "f5c90a6d",
                            "impeachment hearings (Deccan Herald, Nat. Review)"),
                    pair("702d1da6", "d605bdef", "US-China trade talks (NYT, CNN Business)"));

    /** Same topic, different events: must not merge. */
    static final List<String[]> RELATED =
            List.of(
                    pair("232a43fb", "65bf3048", "13-inch MacBook rumour vs 16-inch review"),
                    pair("232a43fb", "5fa5679d", "13-inch MacBook rumour vs 16-inch teardown"),
                    pair("ad826691", "65bf3048", "MacBook deals vs 16-inch review"),
                    pair("b6906ca0", "702d1da6", "tariffs explainer vs trade talks"),
                    pair("ef4e67b6", "c90731f0", "Trump's health vs impeachment"),
                    pair("87bf6057", "c7e39ac4", "Prince Andrew interview vs Assange"));

    record Doc(String id, String title, String text, List<String> keywords, float[] vector) {

        /** What the job embeds. */
        String embedded() {
            return title + "\n\n" + text;
        }

        /** The title, or the start of the text when there is none. */
        String label() {
            String shown = title.isBlank() ? text : title;
            return shown.substring(0, Math.min(60, shown.length())).replace('\n', ' ');
        }

        Doc with(float[] embedding) {
            return new Doc(id, title, text, keywords, embedding);
        }
    }

    private StoryMatchTuning() {}

    public static void main(String[] args) throws IOException {
        List<Doc> pages = extractionPages(Path.of(args[0]));
        List<SummarizationExample> cnn =
                args.length > 1 ? SummarizationExample.readJsonl(Path.of(args[1])) : List.of();
        List<Doc> docs = new ArrayList<>();
        List<double[]> highlightScores = new ArrayList<>();
        try (MiniLmEmbedder embedder = new MiniLmEmbedder()) {
            embed(embedder, pages);
            docs.addAll(pages);
            for (SummarizationExample e : cnn) {
                // CNN/DM examples have no title; the text's first sentence leads it anyway.
                Doc article = doc("cnn-" + e.id(), "", e.article());
                Doc highlights = doc("hl-" + e.id(), "", e.reference());
                List<Doc> two = new ArrayList<>(List.of(article, highlights));
                embed(embedder, two);
                docs.add(two.get(0));
                highlightScores.add(scores(two.get(0), two.get(1)));
            }
        }
        System.out.printf(
                "%d articles (%d extraction pages, %d CNN/DM)%n",
                docs.size(), pages.size(), cnn.size());
        report("same event", pages, SAME);
        report("related, different events", pages, RELATED);

        List<Scored> different = differentPairs(docs);
        different.sort(Comparator.comparingDouble((Scored s) -> -s.cosine));
        System.out.printf(
                "%n%d different-event pairs: cosine max %.3f, 99.9%% %.3f, 99%% %.3f, 95%% %.3f%n",
                different.size(),
                different.get(0).cosine,
                quantile(different, 0.999),
                quantile(different, 0.99),
                quantile(different, 0.95));
        System.out.println("highest different-event pairs (cosine, jaccard):");
        for (Scored s : different.subList(0, 16)) {
            System.out.printf(
                    "  %.3f  %.2f  %s | %s%n", s.cosine, s.jaccard, s.a.label(), s.b.label());
        }
        highlightScores.sort(Comparator.comparingDouble(s -> s[0]));
        System.out.printf(
                "CNN/DM article vs its highlights (%d): cosine min %.3f, 10%% %.3f, median %.3f%n",
                highlightScores.size(),
                highlightScores.get(0)[0],
                highlightScores.get(highlightScores.size() / 10)[0],
                highlightScores.get(highlightScores.size() / 2)[0]);

        System.out.println(
                "\nbonus  threshold  same merged  related merged  different merged  highlights");
        for (double bonus : new double[] {0, 0.05, 0.1, 0.2}) {
            for (double t = 0.56; t <= 0.801; t += 0.02) {
                double threshold = t;
                long highlights =
                        highlightScores.stream()
                                .filter(h -> h[0] + bonus * h[1] >= threshold)
                                .count();
                System.out.printf(
                        "%.2f   %.2f       %d/%d          %d/%d             %-4d              %d/%d%n",
                        bonus,
                        t,
                        merged(pages, SAME, t, bonus),
                        SAME.size(),
                        merged(pages, RELATED, t, bonus),
                        RELATED.size(),
                        mergedDifferent(different, t, bonus),
                        highlights,
                        highlightScores.size());
            }
        }
    }

    record Scored(Doc a, Doc b, double cosine, double jaccard) {
        double score(double bonus) {
            return cosine + bonus * jaccard;
        }
    }

    static List<Doc> extractionPages(Path dataset) throws IOException {
        JsonNode truth = new ObjectMapper().readTree(dataset.resolve("ground-truth.json").toFile());
        ArticleExtractor extractor = new ArticleExtractor(5_000_000);
        List<Doc> docs = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> page = it.next();
            String html =
                    HtmlDecoder.decode(
                            Files.readAllBytes(dataset.resolve("html/" + page.getKey() + ".html")));
            try {
                ArticleExtractor.Extracted e =
                        extractor.extract(html, null, page.getValue().get("url").asText());
                docs.add(doc(page.getKey(), e.title(), e.text()));
            } catch (Exception e) {
                System.err.println("skipped " + page.getKey() + ": " + e.getMessage());
            }
        }
        return docs;
    }

    private static Doc doc(String id, String title, String text) {
        return new Doc(id, title, text, Keywords.of(title, text), null);
    }

    private static void embed(MiniLmEmbedder embedder, List<Doc> docs) {
        float[][] vectors = embedder.embed(docs.stream().map(Doc::embedded).toList());
        for (int i = 0; i < docs.size(); i++) {
            docs.set(i, docs.get(i).with(vectors[i]));
        }
    }

    private static double[] scores(Doc a, Doc b) {
        return new double[] {
            Vectors.cosine(a.vector, b.vector), StoryMatch.jaccard(a.keywords, b.keywords)
        };
    }

    private static void report(String label, List<Doc> pages, List<String[]> pairs) {
        System.out.printf("%n%s pairs (cosine, keyword jaccard):%n", label);
        for (String[] p : pairs) {
            double[] s = scores(find(pages, p[0]), find(pages, p[1]));
            System.out.printf("  %.3f  %.2f  %s%n", s[0], s[1], p[2]);
        }
    }

    private static int merged(List<Doc> pages, List<String[]> pairs, double t, double bonus) {
        int n = 0;
        for (String[] p : pairs) {
            double[] s = scores(find(pages, p[0]), find(pages, p[1]));
            n += s[0] + bonus * s[1] >= t ? 1 : 0;
        }
        return n;
    }

    private static int mergedDifferent(List<Scored> different, double t, double bonus) {
        return (int) different.stream().filter(s -> s.score(bonus) >= t).count();
    }

    private static List<Scored> differentPairs(List<Doc> docs) {
        List<Scored> out = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            for (int j = i + 1; j < docs.size(); j++) {
                Doc a = docs.get(i);
                Doc b = docs.get(j);
                if (!labelled(a.id, b.id)) {
                    double[] s = scores(a, b);
                    out.add(new Scored(a, b, s[0], s[1]));
                }
            }
        }
        return out;
    }

    private static boolean labelled(String a, String b) {
        for (List<String[]> pairs : List.of(SAME, RELATED)) {
            for (String[] p : pairs) {
                if ((a.startsWith(p[0]) && b.startsWith(p[1]))
                        || (a.startsWith(p[1]) && b.startsWith(p[0]))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static double quantile(List<Scored> descending, double q) {
        return descending.get((int) Math.floor((1 - q) * descending.size())).cosine;
    }

    private static Doc find(List<Doc> docs, String prefix) {
        return docs.stream()
                .filter(d -> d.id.startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no page " + prefix));
    }

    private static String[] pair(String a, String b, String what) {
        return new String[] {a, b, what};
    }
}
