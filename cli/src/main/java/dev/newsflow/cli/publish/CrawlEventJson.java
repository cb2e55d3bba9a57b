package dev.newsflow.cli.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.schemas.CrawlEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads crawl events written as JSON, one object per line ({@code .jsonl}) or one per file ({@code
 * .json}): {@code url} (required), {@code html} or {@code text}, and optionally {@code source},
 * {@code title}, {@code publishedAt} (ISO-8601), {@code language}, {@code feedUrl}. This is the
 * format of the bundled sample and of {@code ./newsflow up --crawl-dir}.
 */
public final class CrawlEventJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CrawlEventJson() {}

    /** Parses one JSON object; {@code where} names the file and line for error messages. */
    public static CrawlEvent parse(String json, String where, Clock clock) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    where + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        String url = text(node, "url");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(where + ": a crawl event needs a \"url\"");
        }
        String host = URI.create(url).getHost();
        return CrawlEvent.newBuilder()
                .setEventId(UUID.nameUUIDFromBytes(url.getBytes(StandardCharsets.UTF_8)).toString())
                .setUrl(url)
                .setFeedUrl(text(node, "feedUrl"))
                .setSource(
                        text(node, "source") != null
                                ? text(node, "source")
                                : host == null ? "unknown" : host)
                .setTitle(text(node, "title"))
                .setHtml(text(node, "html"))
                .setText(text(node, "text"))
                .setLanguage(text(node, "language"))
                .setPublishedAt(instant(node, "publishedAt", where))
                .setFetchedAt(clock.instant())
                .build();
    }

    /** Reads every event of a .json or .jsonl file. */
    public static List<CrawlEvent> read(Path file, Clock clock) {
        try {
            if (file.toString().endsWith(".jsonl")) {
                return parseLines(
                        Files.readAllLines(file, StandardCharsets.UTF_8), file.toString(), clock);
            }
            return List.of(
                    parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), clock));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read crawl events from " + file, e);
        }
    }

    /** Parses JSON lines, skipping blank ones; errors name the source and line number. */
    public static List<CrawlEvent> parseLines(List<String> lines, String source, Clock clock) {
        List<CrawlEvent> events = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                events.add(parse(lines.get(i), source + ":" + (i + 1), clock));
            }
        }
        return events;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant instant(JsonNode node, String field, String where) {
        String value = text(node, field);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    where
                            + ": \""
                            + field
                            + "\" must be ISO-8601 UTC like 2026-11-20T08:00:00Z, got "
                            + value,
                    e);
        }
    }
}
