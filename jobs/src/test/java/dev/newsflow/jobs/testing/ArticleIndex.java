package dev.newsflow.jobs.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/** The ids of the documents in OpenSearch's {@code articles} index, as a test checks them. */
public final class ArticleIndex {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ArticleIndex() {}

    /**
     * Waits until the index counts at least {@code expected} documents (or {@code timeout} passes)
     * and returns the ids of all of them, so that the caller's assertion shows what is missing or
     * extra.
     */
    public static Set<String> idsWhenCount(URI openSearch, int expected, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count(openSearch) < expected && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        send(
                HttpRequest.newBuilder(openSearch.resolve("/articles/_refresh"))
                        .POST(HttpRequest.BodyPublishers.noBody()));
        String query = "{\"size\":10000,\"_source\":false,\"query\":{\"match_all\":{}}}";
        JsonNode hits =
                send(HttpRequest.newBuilder(openSearch.resolve("/articles/_search"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(query)))
                        .path("hits")
                        .path("hits");
        Set<String> ids = new TreeSet<>();
        hits.forEach(hit -> ids.add(hit.path("_id").asText()));
        return ids;
    }

    private static long count(URI openSearch) throws Exception {
        return send(HttpRequest.newBuilder(openSearch.resolve("/articles/_count")).GET())
                .path("count")
                .asLong();
    }

    private static JsonNode send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response =
                HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    "OpenSearch answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
