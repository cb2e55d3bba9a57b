package dev.newsflow.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.jobs.functions.feeds.FeedItem;
import dev.newsflow.jobs.functions.feeds.FeedParser;
import dev.newsflow.jobs.functions.feeds.FeedRejectedException;
import dev.newsflow.jobs.functions.feeds.ParsedFeed;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./newsflow parse-feeds FEED_DIR OUT.jsonl}: parses every feed file below a directory with
 * the pipeline's {@link FeedParser} and writes one JSON line per file, in path order. A file that
 * cannot be parsed is a "rejected" line with the reason, never the end of the run.
 */
@Command(
        name = "parse-feeds",
        mixinStandardHelpOptions = true,
        description = {
            "Parses every .xml/.rss/.atom/.rdf file below FEED_DIR and writes one line per file"
                    + " to OUT.jsonl: {file, status (parsed|rejected), reason, title, items"
                    + " [{title, link, published}]}. Progress and a summary go to stderr."
        })
public final class ParseFeedsCommand implements Callable<Integer> {

    static final Set<String> EXTENSIONS = Set.of("xml", "rss", "atom", "rdf");

    @Parameters(index = "0", paramLabel = "FEED_DIR", description = "Directory of feed files.")
    Path feedDir;

    @Parameters(index = "1", paramLabel = "OUT.jsonl", description = "Where to write results.")
    Path out;

    @Option(
            names = "--threads",
            description = "Files parsed at once (default: the number of processors).")
    int threads = Runtime.getRuntime().availableProcessors();

    private final PrintStream err;

    public ParseFeedsCommand() {
        this(System.err);
    }

    ParseFeedsCommand(PrintStream err) {
        this.err = err;
    }

    /** Runs the command alone (the {@code newsflow} entry point registers it as a subcommand). */
    public static void main(String[] args) {
        System.exit(new CommandLine(new ParseFeedsCommand()).execute(args));
    }

    /** One output line. */
    @JsonPropertyOrder({"file", "status", "reason", "title", "items"})
    record Line(String file, String status, String reason, String title, List<Item> items) {}

    /** One item of an output line. */
    @JsonPropertyOrder({"title", "link", "published"})
    record Item(String title, String link, String published) {}

    /** A line and what the summary needs to know about it. */
    record Outcome(Line line, FeedRejectedException.Kind kind, ParsedFeed feed, boolean crashed) {}

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!Files.isDirectory(feedDir)) {
            err.println("parse-feeds: " + feedDir + " is not a directory");
            return 2;
        }
        List<Path> files = feedFiles(feedDir);
        ParseFeedsReport report = new ParseFeedsReport(err, files.size());
        ObjectMapper json = new ObjectMapper();
        FeedParser parser = new FeedParser();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try (BufferedWriter writer = Files.newBufferedWriter(out)) {
            // A bounded window of parses in flight, written in submission order.
            Deque<Future<Outcome>> window = new ArrayDeque<>();
            int next = 0;
            while (next < files.size() || !window.isEmpty()) {
                while (next < files.size() && window.size() < 4 * Math.max(1, threads)) {
                    Path file = files.get(next++);
                    window.add(pool.submit(() -> parse(parser, file)));
                }
                Outcome outcome = window.poll().get();
                writer.write(json.writeValueAsString(outcome.line()));
                writer.newLine();
                report.add(outcome);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("parse task failed unexpectedly", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        report.printSummary(feedDir, out);
        return 0;
    }

    static List<Path> feedFiles(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> EXTENSIONS.contains(extension(p)))
                    .sorted()
                    .toList();
        }
    }

    private static String extension(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private Outcome parse(FeedParser parser, Path file) {
        String relative = feedDir.relativize(file).toString().replace('\\', '/');
        try {
            long size = Files.size(file);
            if (size > FeedParser.MAX_BYTES) {
                throw new FeedRejectedException(
                        FeedRejectedException.Kind.TOO_LARGE,
                        size + " bytes, limit " + FeedParser.MAX_BYTES);
            }
            ParsedFeed feed = parser.parse(Files.readAllBytes(file), null, null);
            List<Item> items = new ArrayList<>(feed.items().size());
            for (FeedItem item : feed.items()) {
                String published = item.published() == null ? null : item.published().toString();
                items.add(new Item(item.title(), item.link(), published));
            }
            return new Outcome(
                    new Line(relative, "parsed", null, feed.title(), items), null, feed, false);
        } catch (FeedRejectedException e) {
            return rejected(relative, e.getMessage(), e.kind(), false);
        } catch (IOException e) {
            return rejected(relative, "unreadable: " + e, null, false);
        } catch (RuntimeException | StackOverflowError e) {
            // A parser bug must cost one file, not the run; the summary counts it as a crash.
            return rejected(relative, "internal error: " + e, null, true);
        }
    }

    private static Outcome rejected(
            String file, String reason, FeedRejectedException.Kind kind, boolean crashed) {
        return new Outcome(
                new Line(file, "rejected", reason, null, List.of()), kind, null, crashed);
    }
}
