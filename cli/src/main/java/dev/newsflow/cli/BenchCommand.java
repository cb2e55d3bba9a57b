package dev.newsflow.cli;

import dev.newsflow.benchmarks.extraction.ExtractionBenchmark;
import dev.newsflow.benchmarks.summarization.SummarizationBenchmark;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./newsflow bench ...}: the measurements of benchmarks/, one subcommand each. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description =
                "Runs a benchmark or evaluation and prints its numbers (see benchmarks/README.md).")
final class BenchCommand {

    @Command(
            name = "extraction",
            mixinStandardHelpOptions = true,
            description =
                    "Article-text extraction precision, recall and F1 on a data set with html/ID.html"
                            + " and ground-truth.json (e.g. ../shared/data/extraction).")
    void extraction(
            @Parameters(paramLabel = "DATASET_DIR") Path dataset,
            @Option(
                            names = "--worst",
                            defaultValue = "10",
                            description = "Worst pages to list (default: ${DEFAULT-VALUE}).")
                    int worst)
            throws Exception {
        ExtractionBenchmark.main(
                new String[] {dataset.toString(), "--worst", String.valueOf(worst)});
    }

    @Command(
            name = "summarization",
            mixinStandardHelpOptions = true,
            description =
                    "ROUGE-1/2/L of the summarizer (the CPU stand-in for the 7B model, through the"
                            + " local inference server over gRPC) and of Lead-3 on a JSONL file of"
                            + " articles with reference highlights (e.g."
                            + " ../shared/data/summarization/cnndm-dev.jsonl).")
    void summarization(@Parameters(paramLabel = "ARTICLES_JSONL") Path articles) throws Exception {
        SummarizationBenchmark.main(new String[] {articles.toString()});
    }
}
