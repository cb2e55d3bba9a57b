package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExtractCommandTest {

    private static final String STORY =
            "The ferry terminal opens in March after two years of delays over dredging, the"
                    + " harbour authority said.";

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new CommandLine(new ExtractCommand())
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }

    @Test
    void writesOneEntryPerPageAndRecordsFailuresWithoutStopping(@TempDir Path dir)
            throws Exception {
        Path html = Files.createDirectories(dir.resolve("pages"));
        Files.writeString(
                html.resolve("story.html"),
                "<html><body><nav><a href='/'>Home</a></nav><article><p>"
                        + STORY
                        + "</p></article></body></html>");
        Files.writeString(html.resolve("empty.html"), "   ");
        Files.writeString(html.resolve("notes.txt"), "not a page");
        Files.write(
                html.resolve("latin.html"),
                "<html><head><meta charset='windows-1252'></head><body><p>Café in Zürich, a long enough sentence.</p></body></html>"
                        .getBytes(Charset.forName("windows-1252")));
        Path out = dir.resolve("out/predictions.json");

        int exit = run(html.toString(), out.toString());

        assertThat(exit).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertThat(json.fieldNames()).toIterable().containsExactly("empty", "latin", "story");
        assertThat(json.path("story").path("articleBody").asText()).isEqualTo(STORY);
        assertThat(json.path("story").has("error")).isFalse();
        assertThat(json.path("latin").path("articleBody").asText()).startsWith("Café in Zürich");
        assertThat(json.path("empty").path("articleBody").asText()).isEmpty();
        assertThat(json.path("empty").path("error").asText()).startsWith("empty html");
        assertThat(err.toString())
                .contains("empty.html failed: empty html")
                .contains("3 pages, 1 failed");
    }

    @Test
    void rejectsAMissingDirectoryAsAUsageError(@TempDir Path dir) {
        int exit = run(dir.resolve("nope").toString(), dir.resolve("out.json").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("HTML_DIR is not a directory");
        assertThat(dir.resolve("out.json")).doesNotExist();
    }
}
