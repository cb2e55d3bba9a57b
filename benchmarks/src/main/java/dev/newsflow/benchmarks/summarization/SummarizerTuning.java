package dev.newsflow.benchmarks.summarization;

import dev.newsflow.inference.embedding.MiniLmEmbedder;
import dev.newsflow.inference.summarization.SentenceSelector;
import dev.newsflow.inference.summarization.SentenceSplitter;
import dev.newsflow.inference.summarization.SummarizerOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the summarizer's defaults were chosen: embeds every candidate sentence of a development file
 * once (in-process MiniLM, no server), then prints mean ROUGE-1/2 F1 of the defaults, of ablations
 * (each signal switched off) and of the best settings in a grid around the defaults. Run by hand:
 * {@code SummarizerTuning ../shared/data/summarization/cnndm-dev.jsonl}.
 *
 * <p>Tuning and reporting on the same 84 articles overstates the gain, so it also tunes on one half
 * of the articles and scores the other half (2-fold), which is the number to believe.
 */
public final class SummarizerTuning {

    private SummarizerTuning() {}

    record Document(List<String> sentences, float[][] vectors, String reference) {}

    record Result(SummarizerOptions options, double rouge1, double rouge2) {
        double objective() {
            return rouge1 + rouge2;
        }

        String format() {
            return String.format("R-1 %5.2f  R-2 %5.2f", 100 * rouge1, 100 * rouge2);
        }
    }

    public static void main(String[] args) {
        List<SummarizationExample> examples = SummarizationExample.readJsonl(Path.of(args[0]));
        SummarizerOptions defaults = SummarizerOptions.defaults();
        List<Document> documents = embed(examples, 60);

        RougeReport lead = new RougeReport();
        for (SummarizationExample example : examples) {
            lead.add(Lead3.summarize(example.article()), example.reference());
        }
        System.out.printf(
                "%-28s R-1 %5.2f  R-2 %5.2f%n", "Lead-3", 100 * lead.rouge1(), 100 * lead.rouge2());

        Map<String, SummarizerOptions> ablations = new LinkedHashMap<>();
        ablations.put("defaults", defaults);
        ablations.put("no lexical centrality", with(defaults, 0, defaults.embeddingWeight()));
        ablations.put("no embedding centrality", with(defaults, defaults.lexicalWeight(), 0));
        ablations.put("no centrality at all", with(defaults, 0, 0));
        ablations.put(
                "no redundancy control",
                copy(defaults, defaults.positionWeight(), defaults.lengthWeight(), 1.0));
        ablations.put(
                "no length preference",
                copy(defaults, defaults.positionWeight(), 0, defaults.redundancyLambda()));
        ablations.forEach(
                (name, options) ->
                        System.out.printf(
                                "%-28s %s%n", name, evaluate(documents, options).format()));

        List<SummarizerOptions> grid = grid(defaults);
        List<Result> results = new ArrayList<>();
        for (SummarizerOptions options : grid) {
            results.add(evaluate(documents, options));
        }
        results.sort(Comparator.comparingDouble(Result::objective).reversed());
        System.out.println("best of " + results.size() + " settings on all articles:");
        for (Result result : results.subList(0, Math.min(5, results.size()))) {
            System.out.println("  " + result.format() + "  " + result.options());
        }

        // How much of the gain survives on articles the weights were not tuned on.
        System.out.println("2-fold check (tune on even/odd articles, score the other half):");
        for (int fold = 0; fold < 2; fold++) {
            List<Document> tune = new ArrayList<>();
            List<Document> held = new ArrayList<>();
            for (int i = 0; i < documents.size(); i++) {
                (i % 2 == fold ? tune : held).add(documents.get(i));
            }
            SummarizerOptions best =
                    grid.stream()
                            .max(Comparator.comparingDouble(o -> evaluate(tune, o).objective()))
                            .orElseThrow();
            System.out.printf(
                    "  fold %d: held-out summarizer %s | defaults %s | Lead-3 %s%n",
                    fold,
                    evaluate(held, best).format(),
                    evaluate(held, defaults).format(),
                    lead3(held).format());
        }
    }

    /** The neighbourhood of the defaults that was searched. */
    static List<SummarizerOptions> grid(SummarizerOptions defaults) {
        List<SummarizerOptions> grid = new ArrayList<>();
        for (double lexical : new double[] {1.0, 1.5, 2.0}) {
            for (double embedding : new double[] {0.25, 0.5, 1.0}) {
                for (double position : new double[] {3, 4, 5, 6}) {
                    for (double decay : new double[] {4, 6, 8}) {
                        for (double lambda : new double[] {0.7, 0.85, 1.0}) {
                            grid.add(
                                    new SummarizerOptions(
                                            3,
                                            defaults.maxCandidates(),
                                            defaults.minWords(),
                                            defaults.maxWords(),
                                            lexical,
                                            embedding,
                                            position,
                                            decay,
                                            defaults.lengthWeight(),
                                            defaults.targetWords(),
                                            lambda));
                        }
                    }
                }
            }
        }
        return grid;
    }

    static Result lead3(List<Document> documents) {
        double rouge1 = 0;
        double rouge2 = 0;
        for (Document document : documents) {
            String lead =
                    String.join(
                            " ",
                            document.sentences()
                                    .subList(0, Math.min(3, document.sentences().size())));
            rouge1 += Rouge.rougeN(lead, document.reference(), 1).f1();
            rouge2 += Rouge.rougeN(lead, document.reference(), 2).f1();
        }
        return new Result(null, rouge1 / documents.size(), rouge2 / documents.size());
    }

    static List<Document> embed(List<SummarizationExample> examples, int maxSentences) {
        SentenceSplitter splitter = new SentenceSplitter();
        List<Document> documents = new ArrayList<>();
        try (MiniLmEmbedder embedder = new MiniLmEmbedder()) {
            for (SummarizationExample example : examples) {
                List<String> sentences = splitter.split(example.article());
                sentences = sentences.subList(0, Math.min(maxSentences, sentences.size()));
                documents.add(
                        new Document(sentences, embedder.embed(sentences), example.reference()));
            }
        }
        return documents;
    }

    static Result evaluate(List<Document> documents, SummarizerOptions options) {
        SentenceSelector selector = new SentenceSelector(options);
        double rouge1 = 0;
        double rouge2 = 0;
        for (Document document : documents) {
            int n = Math.min(options.maxCandidates(), document.sentences().size());
            List<String> sentences = document.sentences().subList(0, n);
            StringBuilder summary = new StringBuilder();
            for (int index : selector.select(sentences, Arrays.copyOf(document.vectors(), n))) {
                summary.append(sentences.get(index)).append(' ');
            }
            rouge1 += Rouge.rougeN(summary.toString(), document.reference(), 1).f1();
            rouge2 += Rouge.rougeN(summary.toString(), document.reference(), 2).f1();
        }
        return new Result(options, rouge1 / documents.size(), rouge2 / documents.size());
    }

    private static SummarizerOptions with(SummarizerOptions o, double lexical, double embedding) {
        return new SummarizerOptions(
                o.maxSentences(),
                o.maxCandidates(),
                o.minWords(),
                o.maxWords(),
                lexical,
                embedding,
                o.positionWeight(),
                o.positionDecay(),
                o.lengthWeight(),
                o.targetWords(),
                o.redundancyLambda());
    }

    private static SummarizerOptions copy(
            SummarizerOptions o, double position, double length, double lambda) {
        return new SummarizerOptions(
                o.maxSentences(),
                o.maxCandidates(),
                o.minWords(),
                o.maxWords(),
                o.lexicalWeight(),
                o.embeddingWeight(),
                position,
                o.positionDecay(),
                length,
                o.targetWords(),
                lambda);
    }
}
