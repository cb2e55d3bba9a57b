package dev.newsflow.cli;

import dev.newsflow.benchmarks.dedup.NearDuplicateBenchmark;
import dev.newsflow.benchmarks.extraction.ExtractionBenchmark;
import dev.newsflow.benchmarks.inference.EmbedderServerThroughput;
import dev.newsflow.benchmarks.summarization.SummarizationBenchmark;
import dev.newsflow.cli.bench.PersonaBenchmark;
import dev.newsflow.cli.bench.PipelineBenchmark;
import dev.newsflow.cli.bench.QueryLoadBenchmark;
import dev.newsflow.cli.bench.StateSizeBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
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

    @Command(
            name = "embedder",
            mixinStandardHelpOptions = true,
            description =
                    "all-MiniLM-L6-v2 at batch 32 on the real CNN/DailyMail articles of DATA_DIR"
                            + " (../shared/data), in one run: in process vs through the local"
                            + " inference server over gRPC; articles/s and their ratio.")
    void embedder(
            @Parameters(paramLabel = "DATA_DIR") Path data,
            @Option(
                            names = "--seconds",
                            defaultValue = "30",
                            description =
                                    "Least time per case; each does at least one pass over the"
                                            + " articles (default: ${DEFAULT-VALUE}).")
                    double seconds)
            throws Exception {
        EmbedderServerThroughput.main(
                new String[] {
                    data.resolve("summarization/cnndm-dev.jsonl").toString(),
                    String.valueOf(seconds)
                });
    }

    @Command(
            name = "pipeline",
            mixinStandardHelpOptions = true,
            description =
                    "The whole enrichment job on the local stack vs the embedding model alone, on"
                            + " the same real articles: articles/s and their ratio, and crawl"
                            + " event to searchable latency p50/p99 (DATA_DIR: ../shared/data).")
    void pipeline(
            @Parameters(paramLabel = "DATA_DIR") Path data,
            @Option(
                            names = "--pace-ms",
                            defaultValue = "500",
                            description =
                                    "Latency phase: one page every this many ms (default:"
                                            + " ${DEFAULT-VALUE}).")
                    long paceMs)
            throws Exception {
        Path work = Files.createTempDirectory("newsflow-bench-pipeline-");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        System.setProperty("newsflow.log.file", work.resolve("newsflow.log").toString());
        System.out.println("Work dir and logs: " + work);
        new PipelineBenchmark(data, Duration.ofMillis(paceMs), System.out).run(work);
    }

    @Command(
            name = "near-duplicates",
            mixinStandardHelpOptions = true,
            description =
                    "Near-duplicate detection (MinHash/LSH, the dedup stage's own functions):"
                            + " precision, recall and F1 per alteration on real articles and"
                            + " altered copies, a parameter sweep and the signature throughput."
                            + " Reads summarization/cnndm-dev.jsonl and"
                            + " extraction/ground-truth.json under DATA_DIR.")
    void nearDuplicates(
            @Parameters(
                            paramLabel = "DATA_DIR",
                            arity = "0..1",
                            defaultValue = "../shared/data",
                            description = "Shared data directory (default: ${DEFAULT-VALUE}).")
                    Path data)
            throws Exception {
        NearDuplicateBenchmark.main(new String[] {data.toString()});
    }

    @Command(
            name = "state",
            mixinStandardHelpOptions = true,
            description =
                    "The enrichment job's checkpointed state size over a long replay with state"
                            + " lifetimes shortened (minutes standing for days): it must stop"
                            + " growing once the TTLs and the story window have turned over.")
    void state(
            @Option(
                            names = "--minutes",
                            defaultValue = "6",
                            description = "How long to run (default: ${DEFAULT-VALUE}).")
                    long minutes,
            @Option(
                            names = "--rate",
                            defaultValue = "6",
                            description = "Articles per second (default: ${DEFAULT-VALUE}).")
                    int rate,
            @Option(
                            names = "--ttl-seconds",
                            defaultValue = "60",
                            description = "Dedup state TTL (default: ${DEFAULT-VALUE}).")
                    long ttlSeconds)
            throws Exception {
        Path work = Files.createTempDirectory("newsflow-bench-state-");
        System.setProperty("newsflow.log.file", work.resolve("newsflow.log").toString());
        System.out.println("Work dir and logs: " + work);
        new StateSizeBenchmark(
                        Duration.ofMinutes(minutes),
                        rate,
                        Duration.ofSeconds(ttlSeconds),
                        System.out)
                .run(work);
    }

    @Command(
            name = "personas",
            mixinStandardHelpOptions = true,
            description =
                    "The persona job on the local stack: sustained interactions/s, like ->"
                            + " persona readable in OpenSearch latency p50/p99 at a steady rate,"
                            + " and the state size per user (see docs/personas.md).")
    void personas(
            @Option(
                            names = "--users",
                            defaultValue = "10000",
                            description = "Users (default: ${DEFAULT-VALUE}).")
                    int users,
            @Option(
                            names = "--articles",
                            defaultValue = "5000",
                            description = "Articles (default: ${DEFAULT-VALUE}).")
                    int articles,
            @Option(
                            names = "--interactions",
                            defaultValue = "100000",
                            description =
                                    "Throughput phase: interactions published at once (default:"
                                            + " ${DEFAULT-VALUE}).")
                    int interactions,
            @Option(
                            names = "--rates",
                            split = ",",
                            defaultValue = "500,1000",
                            description =
                                    "Latency phases: interactions/s, one phase each (default:"
                                            + " ${DEFAULT-VALUE}).")
                    List<Integer> rates,
            @Option(
                            names = "--seconds",
                            defaultValue = "30",
                            description =
                                    "Length of each latency phase (default: ${DEFAULT-VALUE}).")
                    int seconds)
            throws Exception {
        Path work = Files.createTempDirectory("newsflow-bench-personas-");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        System.setProperty("newsflow.log.file", work.resolve("newsflow.log").toString());
        System.out.println("Work dir and logs: " + work);
        new PersonaBenchmark(
                        new PersonaBenchmark.Options(
                                users, articles, interactions, rates, Duration.ofSeconds(seconds)),
                        System.out)
                .run(work);
    }

    @Command(
            name = "query",
            mixinStandardHelpOptions = true,
            description =
                    "The query service under load: /feed and /search latency p50/p99 at each"
                            + " client count and at fixed rates, over ARTICLES articles grown"
                            + " from the real CNN/DailyMail passages of DATA_DIR (../shared/data).")
    void query(
            @Parameters(paramLabel = "DATA_DIR") Path data,
            @Option(
                            names = "--articles",
                            defaultValue = "100000",
                            description = "Articles indexed (default: ${DEFAULT-VALUE}).")
                    int articles,
            @Option(
                            names = "--users",
                            defaultValue = "200",
                            description =
                                    "Users with a persona and a key (default: ${DEFAULT-VALUE}).")
                    int users,
            @Option(
                            names = "--clients",
                            split = ",",
                            defaultValue = "50,200",
                            description = "Closed-loop client counts (default: ${DEFAULT-VALUE}).")
                    List<Integer> clients,
            @Option(
                            names = "--rates",
                            split = ",",
                            defaultValue = "20,200",
                            description =
                                    "Open-loop requests/s, one phase per route each (default:"
                                            + " ${DEFAULT-VALUE}).")
                    List<Integer> rates,
            @Option(
                            names = "--seconds",
                            defaultValue = "30",
                            description = "Length of each phase (default: ${DEFAULT-VALUE}).")
                    int seconds)
            throws Exception {
        Path work = Files.createTempDirectory("newsflow-bench-query-");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        System.setProperty("newsflow.log.file", work.resolve("newsflow.log").toString());
        System.out.println("Work dir and logs: " + work);
        new QueryLoadBenchmark(
                        new QueryLoadBenchmark.Options(
                                data.resolve("summarization/cnndm-dev.jsonl"),
                                articles,
                                users,
                                clients,
                                rates,
                                Duration.ofSeconds(seconds)),
                        System.out)
                .run(work);
    }
}
