package dev.newsflow.jobs.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.jobs.sinks.ArticleDocuments;
import dev.newsflow.schemas.EnrichedArticle;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the query service will ask OpenSearch about personas, for integration tests: a persona by
 * user id (realtime GET), the articles nearest to a vector, the users whose interests are nearest
 * to an article (exact k-NN on the nested interest centroids).
 */
public final class PersonaSearch {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI openSearch;
    private final HttpClient http = HttpClient.newHttpClient();

    public PersonaSearch(URI openSearch) {
        this.openSearch = openSearch;
    }

    /** Indexes articles into {@code articles} and refreshes, so that k-NN finds them. */
    public void indexArticles(List<EnrichedArticle> articles) throws Exception {
        for (EnrichedArticle a : articles) {
            send("PUT", "/articles/_doc/" + a.getId(), ArticleDocuments.toDocument(a));
        }
        send("POST", "/articles/_refresh", null);
    }

    /** The persona document's source, or a missing node if there is none. */
    public JsonNode persona(String userId) throws Exception {
        return send("GET", "/personas/_doc/" + userId, null).path("_source");
    }

    /**
     * Waits until the user's persona document has {@code version} (realtime GET), and returns it as
     * it is then, for the caller to assert on.
     */
    public JsonNode awaitVersion(String userId, long version, java.time.Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode doc = persona(userId);
        while (doc.path("version").asLong() != version && System.nanoTime() < deadline) {
            Thread.sleep(100);
            doc = persona(userId);
        }
        return doc;
    }

    /** The ids of the {@code k} articles nearest to {@code vector}, nearest first. */
    public List<String> nearestArticles(List<Float> vector, int k) throws Exception {
        Map<String, Object> query = Map.of("knn", Map.of("embedding", knn(vector, k)));
        return ids(send("POST", "/articles/_search", search(query, k)));
    }

    /**
     * The users with an interest centroid nearest to {@code vector}: exact k-NN (the k-NN plugin's
     * {@code knn_score} script) on the nested centroids, a user scored by their nearest interest.
     */
    public List<String> usersInterestedIn(List<Float> vector, int k) throws Exception {
        Map<String, Object> score =
                Map.of(
                        "script_score",
                        Map.of(
                                "query",
                                Map.of("match_all", Map.of()),
                                "script",
                                Map.of(
                                        "source",
                                        "knn_score",
                                        "lang",
                                        "knn",
                                        "params",
                                        Map.of(
                                                "field",
                                                "interests.centroid",
                                                "query_value",
                                                vector,
                                                "space_type",
                                                "cosinesimil"))));
        Map<String, Object> query =
                Map.of("nested", Map.of("path", "interests", "score_mode", "max", "query", score));
        return ids(send("POST", "/personas/_search", search(query, k)));
    }

    private static Map<String, Object> knn(List<Float> vector, int k) {
        return Map.of("vector", vector, "k", k);
    }

    private static Map<String, Object> search(Map<String, Object> query, int k) {
        return Map.of("size", k, "_source", false, "query", query);
    }

    private static List<String> ids(JsonNode response) {
        List<String> ids = new ArrayList<>();
        response.at("/hits/hits").forEach(h -> ids.add(h.path("_id").asText()));
        return ids;
    }

    private JsonNode send(String method, String path, Object body) throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(openSearch.resolve(path))
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(
                                                JSON.writeValueAsString(body)))
                        .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300 && response.statusCode() != 404) {
            throw new IOException(
                    method
                            + " "
                            + path
                            + ": HTTP "
                            + response.statusCode()
                            + " "
                            + response.body());
        }
        return JSON.readTree(response.body());
    }
}
