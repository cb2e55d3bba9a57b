package dev.newsflow.cli;

import dev.newsflow.cli.publish.CrawlEventJson;
import dev.newsflow.cli.publish.SampleArticles;
import dev.newsflow.cli.stack.LocalApiKeys;
import dev.newsflow.cli.stack.LocalStack;
import dev.newsflow.cli.stack.Progress;
import dev.newsflow.schemas.CrawlEvent;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./newsflow up}: the whole system on this machine until Ctrl-C. */
@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        description = {
            "Starts Kafka, OpenSearch, the enrichment job on a Flink MiniCluster and the query"
                    + " service; publishes the bundled sample articles (and any --crawl-dir"
                    + " input), follows --feed feeds; prints the URLs to open. Ctrl-C stops"
                    + " everything."
        })
final class UpCommand implements Callable<Integer> {

    @Option(
            names = "--work-dir",
            defaultValue = ".newsflow/run",
            description = "Data, logs and checkpoints (default: ${DEFAULT-VALUE}).")
    Path workDir;

    @Option(
            names = "--http-port",
            defaultValue = "8080",
            description = "Query service port, 0 = any free port (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(
            names = "--flink-ui-port",
            defaultValue = "8081",
            description = "Flink web UI port (default: ${DEFAULT-VALUE}).")
    int flinkUiPort;

    @Option(
            names = "--parallelism",
            defaultValue = "2",
            description = "Parallelism of the enrichment job (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(
            names = "--feed",
            paramLabel = "URL",
            description = "RSS/Atom feed to crawl once; repeatable.")
    List<URI> feeds = new ArrayList<>();

    @Option(
            names = "--crawl-dir",
            paramLabel = "DIR",
            description = "Directory of crawl events (*.json, *.jsonl) to publish.")
    Path crawlDir;

    @Option(names = "--no-sample", description = "Do not publish the bundled sample articles.")
    boolean noSample;

    @Override
    public Integer call() throws Exception {
        Progress progress = new Progress(System.out, 5);
        System.setProperty(
                "newsflow.log.file", workDir.toAbsolutePath().resolve("newsflow.log").toString());
        System.out.println(
                "Newsflow local stack — logs: " + workDir.toAbsolutePath().resolve("newsflow.log"));
        try (LocalStack stack =
                LocalStack.start(
                        new LocalStack.Options(workDir, httpPort, flinkUiPort, parallelism),
                        progress)) {
            CountDownLatch stopped = new CountDownLatch(1);
            Thread hook =
                    new Thread(
                            () -> {
                                System.out.println("\nStopping Newsflow...");
                                stack.close();
                                stopped.countDown();
                            },
                            "newsflow-stop");
            Runtime.getRuntime().addShutdownHook(hook);

            progress.step("Publishing articles to news.crawl");
            List<CrawlEvent> events = input(progress, Clock.systemUTC());
            stack.publish(events);
            progress.note(
                    "published " + events.size() + " crawl events; waiting for enrichment...");
            boolean done = stack.awaitProcessed(events.size(), Duration.ofMinutes(5), progress);
            printUrls(stack, done, progress);
            stopped.await();
            return 0;
        }
    }

    private List<CrawlEvent> input(Progress progress, Clock clock) throws IOException {
        List<CrawlEvent> events = new ArrayList<>();
        if (!noSample) {
            List<CrawlEvent> sample = SampleArticles.load(clock);
            events.addAll(sample);
            progress.note(
                    String.format(
                            "sample: %d articles (fictional, written for Newsflow), dated as if"
                                    + " published over the last %d hours",
                            sample.size(), SampleArticles.span(sample).toHours()));
        }
        if (crawlDir != null) {
            try (Stream<Path> files = Files.walk(crawlDir)) {
                for (Path f :
                        files.filter(
                                        p ->
                                                p.toString().endsWith(".json")
                                                        || p.toString().endsWith(".jsonl"))
                                .sorted()
                                .toList()) {
                    events.addAll(CrawlEventJson.read(f, clock));
                }
            }
            progress.note("crawl dir " + crawlDir + ": " + events.size() + " events so far");
        }
        return events;
    }

    private static void printUrls(LocalStack stack, boolean done, Progress progress) {
        URI q = stack.queryServiceUri();
        LocalApiKeys keys = stack.apiKeys();
        System.out.printf(
                "%nNewsflow is up (%.0f s)%s.%n%n"
                        + "  Search        curl '%s/search?q=flood+barrier+vote'%n"
                        + "  Article       curl '%s/articles/<id from a search result>'%n"
                        + "  Like          curl -X POST -H 'Authorization: Bearer %s' -H"
                        + " 'Content-Type: application/json' -d"
                        + " '{\"articleId\":\"<id>\",\"type\":\"LIKE\"}' '%s/interactions'%n"
                        + "  Feed          curl -H 'Authorization: Bearer %s' '%s/feed?limit=10'%n"
                        + "  Dashboard     %s/dashboard  (paste the analyst key)%n"
                        + "  Stats         curl -H 'X-API-Key: %s' '%s/api/stats'%n"
                        + "  API keys      reader (USER) %s%n"
                        + "                analyst (ANALYST) %s%n"
                        + "                (shown only now; hashes in %s)%n"
                        + "  API           %s/openapi.yaml   metrics %s/metrics%n"
                        + "  Health        %s/health%n"
                        + "  Flink UI      %s%n"
                        + "  OpenSearch    %s%n"
                        + "  Kafka         %s (topics news.crawl, news.enriched, news.dlq, ...)%n%n"
                        + "Press Ctrl-C to stop everything.%n",
                progress.elapsedSeconds(),
                done ? "" : " (enrichment still running: see the log)",
                q,
                q,
                keys.readerKey(),
                q,
                keys.readerKey(),
                q,
                q,
                keys.analystKey(),
                q,
                keys.readerKey(),
                keys.analystKey(),
                keys.file(),
                q,
                q,
                q,
                stack.flinkUiUri(),
                stack.openSearchUri(),
                stack.kafkaBootstrapServers());
    }
}
