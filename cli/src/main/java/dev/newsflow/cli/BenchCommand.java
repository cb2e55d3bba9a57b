package dev.newsflow.cli;

import dev.newsflow.benchmarks.extraction.ExtractionBenchmark;
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
}
