package dev.newsflow.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A running job seen through Flink's REST API: an operator counter summed over subtasks, and the
 * state sizes of the latest completed checkpoint per operator chain ({@code state_size} is the full
 * state: for incremental RocksDB checkpoints, every SST file the checkpoint refers to).
 */
final class CheckpointStats {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI rest;
    private final String jobId;
    private final HttpClient http = HttpClient.newHttpClient();

    CheckpointStats(URI rest, String jobId) {
        this.rest = rest;
        this.jobId = jobId;
    }

    /** The id of the latest completed checkpoint, or -1. */
    long latestCompleted() throws Exception {
        return get("/jobs/" + jobId + "/checkpoints").at("/latest/completed/id").asLong(-1);
    }

    /** The latest completed checkpoint's summary ({@code id}, {@code state_size}, ...), or null. */
    JsonNode latestCompletedSummary() throws Exception {
        JsonNode completed = get("/jobs/" + jobId + "/checkpoints").at("/latest/completed");
        return completed.isMissingNode() || completed.isNull() ? null : completed;
    }

    /** Full state size in bytes of every operator chain in a checkpoint, by chain name. */
    Map<String, Long> stateSizes(long checkpoint) throws Exception {
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonNode v : get("/jobs/" + jobId).path("vertices")) {
            names.put(v.path("id").asText(), v.path("name").asText());
        }
        JsonNode tasks = get("/jobs/" + jobId + "/checkpoints/details/" + checkpoint).path("tasks");
        Map<String, Long> sizes = new LinkedHashMap<>();
        names.forEach((id, name) -> sizes.put(name, tasks.path(id).path("state_size").asLong()));
        return sizes;
    }

    /** Records the first operator chain (the source) has emitted so far. */
    long sourceRecordsOut() throws Exception {
        JsonNode vertices = get("/jobs/" + jobId).path("vertices");
        return vertices.isEmpty() ? 0 : vertices.get(0).at("/metrics/write-records").asLong();
    }

    /** Full state size in bytes of the chain whose name contains {@code vertexName}. */
    long stateSize(long checkpoint, String vertexName) throws Exception {
        String vertex = vertex(vertexName);
        JsonNode tasks = get("/jobs/" + jobId + "/checkpoints/details/" + checkpoint).path("tasks");
        for (Iterator<Map.Entry<String, JsonNode>> it = tasks.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> task = it.next();
            if (task.getKey().equals(vertex)) {
                return task.getValue().path("state_size").asLong();
            }
        }
        throw new IllegalStateException("checkpoint " + checkpoint + " has no task " + vertex);
    }

    /** The sum over subtasks of the counter whose name ends with {@code suffix}, or 0. */
    long counter(String vertexName, String suffix) throws Exception {
        String vertex = vertex(vertexName);
        String base = "/jobs/" + jobId + "/vertices/" + vertex + "/metrics";
        long sum = 0;
        for (JsonNode m : get(base)) {
            String id = m.path("id").asText();
            if (id.endsWith(suffix)) {
                sum += get(base + "?get=" + id).path(0).path("value").asLong();
            }
        }
        return sum;
    }

    private String vertex(String vertexName) throws Exception {
        for (JsonNode v : get("/jobs/" + jobId).path("vertices")) {
            if (v.path("name").asText().contains(vertexName)) {
                return v.path("id").asText();
            }
        }
        throw new IllegalStateException("no vertex named like '" + vertexName + "'");
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(rest.resolve(path)).build(),
                        HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
