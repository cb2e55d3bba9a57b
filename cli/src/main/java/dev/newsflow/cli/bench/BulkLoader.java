package dev.newsflow.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Writes documents to OpenSearch with {@code _bulk}; fails on the first rejected document. */
final class BulkLoader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI openSearch;
    private final StringBuilder batch = new StringBuilder();
    private int pending;

    BulkLoader(URI openSearch) {
        this.openSearch = openSearch;
    }

    /** Adds one document; sends the batch once it holds {@code batchSize} documents. */
    void index(String index, String id, Map<String, Object> doc, int batchSize) throws Exception {
        indexJson(index, id, JSON.writeValueAsString(doc), batchSize);
    }

    void indexJson(String index, String id, String docJson, int batchSize) throws Exception {
        batch.append(JSON.writeValueAsString(Map.of("index", Map.of("_index", index, "_id", id))))
                .append('\n')
                .append(docJson)
                .append('\n');
        if (++pending >= batchSize) {
            flush();
        }
    }

    /** Sends what is pending. */
    void flush() throws Exception {
        if (pending == 0) {
            return;
        }
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(openSearch.resolve("/_bulk"))
                                .header("Content-Type", "application/x-ndjson")
                                .POST(HttpRequest.BodyPublishers.ofString(batch.toString()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        if (response.statusCode() != 200 || body.path("errors").asBoolean(true)) {
            throw new IllegalStateException(
                    "bulk load failed ("
                            + response.statusCode()
                            + "): "
                            + response.body()
                                    .substring(0, Math.min(800, response.body().length())));
        }
        batch.setLength(0);
        pending = 0;
    }

    /** Makes everything written so far searchable. */
    void refresh(String index) throws Exception {
        http.send(
                HttpRequest.newBuilder(openSearch.resolve("/" + index + "/_refresh"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }

    /**
     * Merges {@code index} down to {@code segments} segments and returns when done: a bulk load of
     * minutes leaves dozens of segments whose background merges (HNSW graphs included) would
     * otherwise compete with the measurement for the CPUs.
     */
    void forceMerge(String index, int segments) throws Exception {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(
                                        openSearch.resolve(
                                                "/"
                                                        + index
                                                        + "/_forcemerge?max_num_segments="
                                                        + segments))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "force merge of "
                            + index
                            + " failed ("
                            + response.statusCode()
                            + "): "
                            + response.body());
        }
    }
}
