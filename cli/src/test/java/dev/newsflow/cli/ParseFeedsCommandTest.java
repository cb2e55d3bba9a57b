package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ParseFeedsCommandTest {

    @TempDir Path dir;

    @Test
    void writesOneLinePerFeedFileInPathOrderAndSummarisesOnStderr() throws Exception {
        Path feeds = Files.createDirectories(dir.resolve("feeds/sub"));
        Files.writeString(
                feeds.resolve("a.rss"),
                "<rss version=\"2.0\"><channel><title>A</title><link>https://a.example/</link>"
                        + "<item><title>One</title><link>/1</link>"
                        + "<pubDate>Tue, 10 Jun 2025 09:30:00 +0200</pubDate></item>"
                        + "</channel></rss>");
        Files.writeString(feeds.resolve("b.xml"), "<html><head><title>Oops</title></head></html>");
        Files.write(feeds.resolve("c.atom"), new byte[0]);
        Files.writeString(feeds.resolve("notes.txt"), "not a feed file");
        Path out = dir.resolve("out.jsonl");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit =
                new CommandLine(
                                new ParseFeedsCommand(
                                        new PrintStream(err, true, StandardCharsets.UTF_8)))
                        .execute(dir.resolve("feeds").toString(), out.toString());

        assertThat(exit).isZero();
        List<JsonNode> lines = readLines(out);
        assertThat(lines)
                .extracting(l -> l.get("file").asText())
                .containsExactly("sub/a.rss", "sub/b.xml", "sub/c.atom");
        assertThat(lines.get(0).toString())
                .isEqualTo(
                        "{\"file\":\"sub/a.rss\",\"status\":\"parsed\",\"reason\":null,"
                                + "\"title\":\"A\",\"items\":[{\"title\":\"One\","
                                + "\"link\":\"https://a.example/1\","
                                + "\"published\":\"2025-06-10T07:30:00Z\"}]}");
        assertThat(lines.get(1).toString())
                .isEqualTo(
                        "{\"file\":\"sub/b.xml\",\"status\":\"rejected\","
                                + "\"reason\":\"not a feed: HTML page: titled 'Oops'\","
                                + "\"title\":null,\"items\":[]}");
        assertThat(lines.get(2).get("reason").asText()).isEqualTo("empty document: 0 bytes");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("parse-feeds: 3 files under")
                .containsPattern("parsed +1 +\\(0 needed repairs\\)")
                .containsPattern("rejected +2")
                .contains("1 x not a feed: HTML page: titled 'Oops'")
                .containsPattern("items +1 +\\(1 with a link, 1 with a date\\)")
                .containsPattern("crashes +0");
    }

    @Test
    void aMissingDirectoryIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit =
                new CommandLine(
                                new ParseFeedsCommand(
                                        new PrintStream(err, true, StandardCharsets.UTF_8)))
                        .execute(
                                dir.resolve("absent").toString(),
                                dir.resolve("o.jsonl").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not a directory");
    }

    private static List<JsonNode> readLines(Path out) throws Exception {
        ObjectMapper json = new ObjectMapper();
        return Files.readAllLines(out).stream().map(l -> read(json, l)).toList();
    }

    private static JsonNode read(ObjectMapper json, String line) {
        try {
            return json.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }
}
