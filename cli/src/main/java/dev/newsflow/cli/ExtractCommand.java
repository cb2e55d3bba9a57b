package dev.newsflow.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.newsflow.jobs.config.EnrichmentConfig;
import dev.newsflow.jobs.functions.RejectedInputException;
import dev.newsflow.jobs.functions.extract.ArticleExtractor;
import dev.newsflow.jobs.functions.extract.HtmlDecoder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./newsflow extract HTML_DIR OUT.json}: the article text of every {@code *.html} page in a
 * directory, written as {@code {"<name>": {"articleBody": "..."}}} (the extraction benchmark's
 * prediction format). A page that cannot be extracted gets an empty body and an {@code error}, and
 * a warning on stderr; the run goes on.
 */
@Command(
        name = "extract",
        mixinStandardHelpOptions = true,
        description = {
            "Extracts the article text of every *.html file in HTML_DIR (UTF-8 unless a meta"
                    + " charset says otherwise) and writes OUT.json: {\"<file name without"
                    + " .html>\": {\"articleBody\": \"...\"}}. Failed pages get an empty"
                    + " articleBody and an \"error\"."
        })
final class ExtractCommand implements Callable<Integer> {

    /** Directories with more pages than this get progress lines. */
    static final int PROGRESS_EVERY = 100;

    @Parameters(index = "0", paramLabel = "HTML_DIR", description = "Directory of *.html pages.")
    Path htmlDir;

    @Parameters(index = "1", paramLabel = "OUT.json", description = "Output file (replaced).")
    Path out;

    @Option(
            names = "--max-html-chars",
            defaultValue = "" + EnrichmentConfig.DEFAULT_MAX_HTML_CHARS,
            description = "Larger pages fail as too large (default: ${DEFAULT-VALUE}).")
    int maxHtmlChars;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(htmlDir)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "HTML_DIR is not a directory: " + htmlDir);
        }
        PrintWriter err = spec.commandLine().getErr();
        List<Path> pages = htmlFiles(htmlDir);
        ArticleExtractor extractor = new ArticleExtractor(maxHtmlChars);
        long start = System.nanoTime();
        int failed = 0;
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
                JsonGenerator json = new JsonFactory().createGenerator(writer)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            for (int i = 0; i < pages.size(); i++) {
                Path page = pages.get(i);
                String name = page.getFileName().toString();
                Result result = extract(extractor, page);
                json.writeObjectFieldStart(name.substring(0, name.length() - ".html".length()));
                json.writeStringField("articleBody", result.text());
                if (result.error() != null) {
                    json.writeStringField("error", result.error());
                    err.printf("extract: %s failed: %s%n", name, result.error());
                    failed++;
                }
                json.writeEndObject();
                if (pages.size() > PROGRESS_EVERY && (i + 1) % PROGRESS_EVERY == 0) {
                    err.printf(
                            Locale.ROOT,
                            "extract: %d/%d pages, %d failed (%.1f s)%n",
                            i + 1,
                            pages.size(),
                            failed,
                            seconds(start));
                }
                err.flush();
            }
            json.writeEndObject();
        }
        err.printf(
                Locale.ROOT,
                "extract: %d pages, %d failed, written to %s (%.1f s)%n",
                pages.size(),
                failed,
                out,
                seconds(start));
        err.flush();
        return 0;
    }

    /** A page's text, or an empty text and the reason it failed. */
    record Result(String text, String error) {}

    static Result extract(ArticleExtractor extractor, Path page) {
        try {
            String html = HtmlDecoder.decode(Files.readAllBytes(page));
            return new Result(extractor.extract(html, null).text(), null);
        } catch (RejectedInputException e) {
            return new Result("", e.getMessage());
        } catch (IOException e) {
            return new Result("", "unreadable: " + e);
        } catch (RuntimeException | StackOverflowError e) {
            // One pathological page must not stop a batch of thousands.
            return new Result("", "extraction failed: " + e);
        }
    }

    private static List<Path> htmlFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".html"))
                    .sorted()
                    .toList();
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
