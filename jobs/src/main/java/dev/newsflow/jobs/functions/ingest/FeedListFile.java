package dev.newsflow.jobs.functions.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The initial feed list: one feed URL per line, optionally followed by a tab and the source name;
 * blank lines and lines starting with {@code #} are ignored; a URL listed twice counts once (the
 * first line wins). Anything else is an error naming the line, so a typo fails the deployment
 * instead of silently dropping a feed.
 */
public final class FeedListFile {

    private FeedListFile() {}

    public static List<FeedSeed> read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    public static List<FeedSeed> parse(List<String> lines, String origin) {
        Map<String, FeedSeed> feeds = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", 2);
            String url = parts[0].strip();
            String scheme = url.toLowerCase(Locale.ROOT);
            if (!(scheme.startsWith("http://") || scheme.startsWith("https://"))
                    || ItemKeys.host(url).isEmpty()) {
                throw new IllegalArgumentException(
                        origin + ":" + (i + 1) + ": not an http(s) feed URL: '" + url + "'");
            }
            feeds.putIfAbsent(url, FeedSeed.of(url, parts.length > 1 ? parts[1] : null));
        }
        return new ArrayList<>(feeds.values());
    }
}
